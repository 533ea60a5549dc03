import * as z from 'zod/mini';
import { parseOrDefaults } from './or-defaults';

/*
 * All the listing content script reads of the settings: the master switch. Its own module: the schemas of
 * ./listing-schema.ts are built when that module loads, and the script on every hh page should not carry them.
 */
const switchSchema = z.looseObject({ enabled: z._default(z.boolean(), true) });
export type ListingSwitch = z.output<typeof switchSchema>;

/**
 * The master switch from the stored settings; corrupt reads as the default (on, reported), like the full
 * settings. Only this field is checked: a bad letters or discovery section does not switch listing triage off.
 */
export function parseListingSwitch(raw: unknown, onError?: (message: string) => void): ListingSwitch {
  return parseOrDefaults(switchSchema, raw, onError);
}
