/*
 * The listing's CSS lives in .css files; `?inline` gives their text, minified by the build, to put into our
 * shadow roots (badge, bar) and the one page-level <style>.
 */

/**
 * Page-level CSS: only attribute selectors under html[data-otk-on], so removing that attribute (Otklik off)
 * turns every rule off at once. Hiding is one rule, not inline styles (uBlock style).
 */
export { default as PAGE_CSS } from './page.css?inline';

/** Inside each badge's shadow root: hh.ru's styles cannot reach it, ours cannot leak out. */
export { default as BADGE_CSS } from './badge.css?inline';

export { default as BAR_CSS } from './bar.css?inline';
