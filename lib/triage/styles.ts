/**
 * Page-level CSS: only attribute selectors under html[data-otk-on], so removing that attribute (Otklik off)
 * turns every rule off at once. Hiding is one rule, not inline styles (uBlock style).
 */
export const PAGE_CSS = `
html[data-otk-on]:not([data-otk-reveal]) [data-otk-verdict="hide"][data-otk-action="hide"] { display: none !important; }
html[data-otk-on] [data-otk-verdict="dim"],
html[data-otk-on] [data-otk-verdict="hide"] { opacity: .45; transition: opacity .15s; }
html[data-otk-on] [data-otk-verdict="dim"]:hover,
html[data-otk-on] [data-otk-verdict="hide"]:hover,
html[data-otk-on] [data-otk-verdict]:focus-within { opacity: 1; }
`;

/** Inside each badge's shadow root: hh.ru's styles cannot reach it, ours cannot leak out. */
export const BADGE_CSS = `
:host { all: initial; display: inline-flex; vertical-align: middle; margin: 0 0 6px 0; max-width: 100%;
  font: 12px/1.35 -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
.b { display: inline-flex; align-items: center; gap: 6px; min-width: 0; padding: 2px 8px 2px 2px;
  border-radius: 12px; background: #f1f3f5; color: #303338; cursor: default; }
.s { flex: none; min-width: 26px; height: 20px; padding: 0 4px; box-sizing: border-box; border-radius: 10px;
  color: #fff; font-weight: 600; text-align: center; line-height: 20px; }
.show .s { background: #1f9d55; } .dim .s { background: #c98a0b; } .hide .s { background: #8a8f98; }
.r { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.m { color: #b42318; } .p { color: #1a7f43; }
.q { all: unset; flex: none; margin-left: 2px; padding: 1px 8px; border-radius: 10px; background: #2f5bd3; color: #fff;
  font-weight: 600; cursor: pointer; }
.q:hover { background: #274cb2; } .q:focus-visible { outline: 2px solid #2f5bd3; outline-offset: 2px; }
.q[disabled] { background: #e3e6ec; color: #303338; cursor: default; font-weight: 500; }
.q[data-state="applied"] { background: #dff3e7; color: #1a7f43; }
.q[data-state="needs_user"], .q[data-state="failed"] { background: #fde8e7; color: #b42318; }
`;

export const BAR_CSS = `
:host { all: initial; display: block; margin: 0 0 12px 0; font: 14px/1.4 -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
.bar { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 10px; padding: 8px 12px; border-radius: 12px;
  background: #eef4ff; color: #1d2433; }
.logo { font-weight: 700; color: #2f5bd3; }
button { all: unset; cursor: pointer; color: #2f5bd3; text-decoration: underline; text-underline-offset: 2px; }
button:focus-visible { outline: 2px solid #2f5bd3; outline-offset: 2px; border-radius: 4px; }
.warn { color: #9a5b00; }
.ok { color: #1a7f43; }
.qa { all: unset; cursor: pointer; padding: 2px 10px; border-radius: 10px; background: #2f5bd3; color: #fff; font-weight: 600; text-decoration: none; }
.qa[data-confirm] { background: #c98a0b; }
`;
