import { useMemo, useRef } from 'preact/hooks';
import { signal } from '@preact/signals';
import { HH_CATALOGUE, roleName } from '../../core/hh/catalogue';
import type { OptionsTexts } from './texts';

/** Folded for matching: lower case, ё → е, so "контролер" finds "Контролёр". */
const fold = (s: string) => s.toLowerCase().replace(/ё/g, 'е');

export interface RoleGroup {
  name: string;
  roles: Array<{ id: string; name: string }>;
}

/**
 * hh's categories with the roles whose name has a word starting with each typed word (a category's name when no
 * role's does); roles already picked left out. A role listed in several categories appears in each, as on hh.
 */
export function filterRoles(query: string, picked: readonly string[]): RoleGroup[] {
  const words = fold(query)
    .split(/[\s,]+/)
    .filter(Boolean);
  const pass = (byCategory: boolean) => {
    const out: RoleGroup[] = [];
    for (const c of HH_CATALOGUE.categories) {
      const catName = fold(c.name);
      const roles = c.roles
        .filter((id) => !picked.includes(id))
        .map((id) => ({ id, name: roleName(id) ?? id }))
        .filter((r) => {
          const parts = (byCategory ? catName : fold(r.name)).split(/[^a-zа-я0-9]+/);
          return words.every((w) => parts.some((p) => p.startsWith(w)));
        });
      if (roles.length) out.push({ name: c.name, roles });
    }
    return out;
  };
  // Role names first; a category's name ("медицина") lists its roles only when no role's name matches.
  const byName = pass(false);
  return byName.length ? byName : pass(true);
}

/**
 * A searchable picker of hh's professional roles: chips of the picked roles (each with a remove button), and a
 * combobox: type to filter, ↑/↓ to move through the grouped list, Enter to pick, Escape to close, Backspace in an
 * empty box removes the last chip.
 */
export function RolePicker({
  value,
  onChange,
  t,
  error,
}: {
  value: readonly string[];
  onChange: (ids: string[]) => void;
  t: OptionsTexts;
  error?: string | undefined;
}) {
  const ui = useMemo(() => ({ query: signal(''), open: signal(false), active: signal(0), said: signal('') }), []);
  const input = useRef<HTMLInputElement>(null);
  const groups = ui.open.value ? filterRoles(ui.query.value, value) : [];
  const flat = groups.flatMap((g) => g.roles);
  const active = Math.min(ui.active.value, Math.max(0, flat.length - 1));
  const pick = (id: string) => {
    if (value.includes(id)) return;
    onChange([...value, id]);
    ui.query.value = '';
    ui.active.value = 0;
    ui.said.value = t.rolesAdded(roleName(id) ?? id);
    input.current?.focus();
  };
  const remove = (id: string) => {
    onChange(value.filter((x) => x !== id));
    input.current?.focus();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!ui.open.value) return void (ui.open.value = true);
      const n = flat.length;
      if (n) ui.active.value = (active + (e.key === 'ArrowDown' ? 1 : n - 1)) % n;
    } else if (e.key === 'Enter') {
      const r = flat[active];
      if (ui.open.value && r) {
        e.preventDefault();
        pick(r.id);
      }
    } else if (e.key === 'Escape') {
      if (ui.open.value) e.preventDefault();
      ui.open.value = false;
    } else if (e.key === 'Backspace' && !ui.query.value && value.length) {
      remove(value[value.length - 1]!);
    }
  };
  const optId = (i: number) => `role-opt-${i}`;
  let i = -1;
  return (
    <div class="op__field op__field--wide op-roles" data-testid="role-picker">
      <span id="roles-label">{t.roles}</span>
      {value.length ? (
        <ul class="op-chips" aria-label={t.rolesPicked(value.length)}>
          {value.map((id) => (
            <li key={id} class="op-chip" data-role={id}>
              <span>{roleName(id) ?? id}</span>
              <button
                type="button"
                class="op-chip__x"
                aria-label={t.rolesRemove(roleName(id) ?? id)}
                title={t.rolesRemove(roleName(id) ?? id)}
                onClick={() => remove(id)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div class="op-combo">
        <input
          ref={input}
          type="search"
          name="roleSearch"
          // ARIA 1.2 combobox on the input (preact's types want a <datalist> with that role; the list is ours).
          {...({ role: 'combobox' } as Record<string, string>)}
          autoComplete="off"
          aria-labelledby="roles-label"
          aria-describedby="professionalRoles-msg"
          aria-expanded={ui.open.value}
          aria-controls="role-list"
          aria-autocomplete="list"
          aria-activedescendant={ui.open.value && flat.length ? optId(active) : undefined}
          aria-invalid={!!error}
          placeholder={t.rolesSearch}
          value={ui.query.value}
          onInput={(e) => {
            ui.query.value = e.currentTarget.value;
            ui.active.value = 0;
            ui.open.value = true;
          }}
          onFocus={() => (ui.open.value = true)}
          // A pick by mouse happens on mousedown (below), before this blur closes the list.
          onBlur={() => (ui.open.value = false)}
          onKeyDown={onKey}
        />
        {ui.open.value ? (
          <div id="role-list" role="listbox" class="op-combo__list" aria-label={t.rolesList}>
            {groups.length ? (
              groups.map((g, gi) => (
                <div key={g.name} role="group" aria-labelledby={`role-cat-${gi}`}>
                  <div id={`role-cat-${gi}`} class="op-combo__cat" role="presentation">
                    {g.name}
                  </div>
                  {g.roles.map((r) => {
                    i += 1;
                    const n = i;
                    return (
                      <div
                        key={`${g.name}-${r.id}`}
                        id={optId(n)}
                        role="option"
                        data-role={r.id}
                        aria-selected={n === active}
                        class={`op-combo__opt${n === active ? ' is-active' : ''}`}
                        ref={n === active ? (el) => el?.scrollIntoView({ block: 'nearest' }) : undefined}
                        onMouseDown={(e) => {
                          e.preventDefault();
                          pick(r.id);
                        }}
                      >
                        {r.name}
                      </div>
                    );
                  })}
                </div>
              ))
            ) : (
              <div class="op-combo__none">{t.rolesNone}</div>
            )}
          </div>
        ) : null}
      </div>
      {error ? (
        <small id="professionalRoles-msg" class="otk-error" role="alert">
          {error}
        </small>
      ) : (
        <small id="professionalRoles-msg">{t.rolesHint}</small>
      )}
      <span class="otk-sr" aria-live="polite">
        {ui.said.value}
      </span>
    </div>
  );
}
