import * as z from 'zod/mini';
import { en } from 'zod/locales';

/*
 * zod/mini ships no messages: without a locale every issue reads "Invalid input". The extension pages and the
 * background, which show zod's words to people (imports, options, message errors), register English once by
 * importing this module. The content script does not: its parse errors are only logged, and the locale costs
 * bytes in the one bundle with a size budget.
 */
z.config(en());
