import { browser } from '#imports';

/** A cookie's value for a URL (hh's `_xsrf` for the apply and chat clients), null when there is none. */
export const readCookie = async (url: string, name: string): Promise<string | null> =>
  (await browser.cookies.get({ url, name }))?.value ?? null;
