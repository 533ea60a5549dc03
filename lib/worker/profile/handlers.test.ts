import { describe, expect, it } from 'vitest';
import { createProfileHandlers } from './handlers';

const hash = 'ab'.repeat(19);
const sender = { tabId: undefined, url: undefined } as never;
const reply =
  (body: string, url: string, status = 200) =>
  async () =>
    Object.defineProperty(new Response(body, { status }), 'url', { value: url });

describe('importResume', () => {
  it('returns the resume read from the page state and text', async () => {
    const state = {
      applicantResumes: [
        {
          _attributes: { hash },
          title: [{ string: 'QA' }],
          keySkills: [{ string: 'Pytest' }],
          totalExperience: [{ string: 80 }],
          professionalRole: [{ string: 124 }],
        },
      ],
    };
    const html = `<template id="HH-Lux-InitialState">${JSON.stringify(state)}</template><div data-qa="resume-block-skills-content">Тестирую API.</div><p data-qa="resume-block-language-item">Английский — C1 — Продвинутый</p>`;
    const h = createProfileHandlers({ fetch: reply(html, `https://hh.ru/resume/${hash}`) });
    expect(await h.importResume({ hash }, sender)).toEqual({
      ok: true,
      textFound: true,
      profile: {
        hash,
        title: 'QA',
        skills: ['Pytest'],
        experience: 'moreThan6',
        totalExperienceMonths: 80,
        salary: null,
        city: null,
        text: 'Тестирую API.',
        professionalRoles: ['124'],
        driverLicences: [],
        languages: [{ code: 'eng', level: 'c1' }],
      },
    });
  });

  it('explains a logged-out session in words', async () => {
    const h = createProfileHandlers({ fetch: reply('', 'https://hh.ru/account/login') });
    const r = await h.importResume({ hash }, sender);
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/logged out of hh\.ru/);
  });
});
