import { describe, expect, it } from 'vitest';
import { describeWithShared, readSharedFixture } from '../../../test/shared-fixtures';
import {
  experienceOfMonths,
  fetchResumeProfile,
  innerHtmlByDataQa,
  languageOfLine,
  licencesOfText,
  resumeFromState,
  resumePageText,
} from './resume-profile';

describeWithShared('resume from the embedded state (real NIK SERP, 2026-04)', () => {
  const html = () => readSharedFixture('fixtures/hh/serp/hh_serp_loggedin_magritte_2026-04.html');

  it('reads title, key skills, total experience, salary and city of the chosen resume', () => {
    const r = resumeFromState(html(), '03030303030303030303030303030303030303');
    expect(r).toMatchObject({
      title: 'Backend-разработчик',
      experience: 'between3And6',
      totalExperienceMonths: 62,
      salary: 250_000,
      city: 'Ижевск',
    });
    expect(r!.skills.slice(0, 5)).toEqual(['PostgreSQL', 'Python', 'PHP', 'Docker', 'FastAPI']);
    expect(r!.skills).toHaveLength(26);
  });

  it('reads the resume’s hh professional roles (`professionalRole[{string: id}]`)', () => {
    expect(resumeFromState(html(), '03030303030303030303030303030303030303')!.professionalRoles).toEqual(['96']);
  });

  it('answers null for a hash that is not the user’s', () => {
    expect(resumeFromState(html(), 'ffffffffffffffffffffffffffffffffffffff')).toBeNull();
  });
});

/**
 * SYNTHETIC resume page: no real /resume/<hash> page exists in ../shared. The data-qa follow several
 * independent scrapers (see resume-profile.ts); the fake hh.ru serves the same shape.
 */
const PAGE = `<html><body>
<div data-qa="resume-block-title-position"><span>Python-разработчик</span></div>
<div data-qa="skills-table"><span data-qa="bloko-tag__text">Python</span><span data-qa="bloko-tag__text">Django</span><span data-qa="bloko-tag__text">Python</span></div>
<div data-qa="resume-block-experience">
  <div class="item"><div data-qa="resume-block-experience-position">Стажёр-разработчик</div>
    <div data-qa="resume-block-experience-description">Писал <b>REST API</b> на&nbsp;FastAPI.<br>Настроил CI.</div></div>
  <div class="item"><div data-qa="resume-block-experience-position">Лаборант</div>
    <div data-qa="resume-block-experience-description"><div><p>Парсеры данных</p></div><div>Отчёты</div></div></div>
</div>
<div data-qa="resume-block-skills-content" class="resume-block-container"><div>Выпускник вуза.</div><div>Люблю &laquo;чистый&raquo; код.</div></div>
<div data-qa="resume-block-driver-experience" class="resume-block"><h2><span class="resume-block__title-text resume-block__title-text_sub">Опыт вождения</span></h2>
  <div class="resume-block-item-gap"><p>Имеется собственный автомобиль</p><p>Права категории<!-- -->&nbsp;<!-- -->B, С, CE</p></div></div>
<div data-qa="resume-block-languages"><p data-qa="resume-block-language-item">Русский — Родной</p>
  <p data-qa="resume-block-language-item">Английский — B2 — Средне-продвинутый</p><p data-qa="resume-block-language-item">Клингонский — A1 — Начальный</p></div>
</body></html>`;

describe('resume page text (synthetic page)', () => {
  it('balances nested tags of the same name', () => {
    expect(innerHtmlByDataQa(PAGE, 'resume-block-experience-description')[1]).toBe(
      '<div><p>Парсеры данных</p></div><div>Отчёты</div>',
    );
    expect(innerHtmlByDataQa('<div data-qa="x">a<div>b</div>c</div><div>d</div>', 'x')).toEqual(['a<div>b</div>c']);
    expect(innerHtmlByDataQa('<div data-qa="x">unclosed', 'x')).toEqual([]);
  });

  it('joins about-me and each job (position + description) as plain text', () => {
    const r = resumePageText(PAGE);
    expect(r.title).toBe('Python-разработчик');
    expect(r.skills).toEqual(['Python', 'Django']);
    expect(r.text).toBe(
      'Выпускник вуза.\nЛюблю «чистый» код.\n\nСтажёр-разработчик\nПисал REST API на FastAPI.\nНастроил CI.\n\nЛаборант\nПарсеры данных\nОтчёты',
    );
  });

  it('reads driving licence categories and languages with levels', () => {
    const r = resumePageText(PAGE);
    expect(r.driverLicences).toEqual(['B', 'C', 'CE']);
    expect(r.languages).toEqual([
      { code: 'rus', level: 'l1' },
      { code: 'eng', level: 'b2' },
    ]);
  });

  it('licence and language lines: hh ids only, unknown names and levels dropped', () => {
    expect(licencesOfText('Права категории A, BE, TM, TB')).toEqual(['A', 'BE', 'TM', 'TB']);
    expect(licencesOfText('Имеется собственный автомобиль')).toEqual([]);
    expect(licencesOfText('Права категории B\nС 2010 года')).toEqual(['B']);
    expect(languageOfLine('Немецкий — C1 — Продвинутый')).toEqual({ code: 'deu', level: 'c1' });
    expect(languageOfLine('English — Native')).toEqual({ code: 'eng', level: 'l1' });
    expect(languageOfLine('Французский — без уровня')).toBeNull();
  });

  it('maps months of experience to hh buckets', () => {
    expect([null, 0, 11, 12, 35, 36, 71, 72, 300].map(experienceOfMonths)).toEqual([
      null,
      'noExperience',
      'noExperience',
      'between1And3',
      'between1And3',
      'between3And6',
      'between3And6',
      'moreThan6',
      'moreThan6',
    ]);
  });
});

describe('fetchResumeProfile', () => {
  const hash = 'a1'.repeat(19);
  const state = {
    applicantResumes: [
      {
        _attributes: { hash },
        title: [{ string: 'Аналитик' }],
        keySkills: [{ string: 'SQL' }],
        totalExperience: [{ string: 14 }],
      },
    ],
  };
  const page = `<template id="HH-Lux-InitialState">${JSON.stringify(state)}</template>${PAGE}`;
  const answer =
    (body: string, url: string, status = 200) =>
    async () =>
      Object.defineProperty(new Response(body, { status }), 'url', { value: url });

  it('combines the state (title, skills, experience) with the page text', async () => {
    const r = await fetchResumeProfile(answer(page, `https://hh.ru/resume/${hash}`), hash);
    if (!r.ok) throw new Error(r.detail);
    expect(r.profile).toMatchObject({
      title: 'Аналитик',
      skills: ['SQL'],
      experience: 'between1And3',
      salary: null,
      driverLicences: ['B', 'C', 'CE'],
      professionalRoles: [],
    });
    expect(r.profile.languages).toHaveLength(2);
    expect(r.textFound).toBe(true);
    expect(r.profile.text).toMatch(/^Выпускник вуза/);
  });

  it('says why it failed: login redirect, 404, unknown resume, network', async () => {
    expect(await fetchResumeProfile(answer('<html/>', 'https://hh.ru/account/login?backurl=x'), hash)).toMatchObject({
      ok: false,
      error: 'logged_out',
    });
    expect(await fetchResumeProfile(answer('nope', `https://hh.ru/resume/${hash}`, 404), hash)).toMatchObject({
      ok: false,
      error: 'not_found',
    });
    expect(await fetchResumeProfile(answer('<html></html>', `https://hh.ru/resume/${hash}`), hash)).toMatchObject({
      ok: false,
      error: 'not_found',
    });
    const broken = async () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await fetchResumeProfile(broken, hash)).toMatchObject({
      ok: false,
      error: 'network',
      detail: 'Failed to fetch',
    });
  });
});

describe('the fake hh.ru resume page (what the e2e tests and the demo read)', () => {
  it('is read completely: state and page text agree with the fake user’s resume', async () => {
    const { renderResumePage } = await import('../../../test/fake-hh/render-pages');
    const { RESUMES } = await import('../../../test/fake-hh/state');
    const r = RESUMES[1]!;
    const html = renderResumePage(
      { origin: 'https://hh.ru', pathname: `/resume/${r.hash}`, search: '', loggedIn: true, xsrf: 'x', now: 0 },
      r,
    );
    const answer = async () =>
      Object.defineProperty(new Response(html), 'url', { value: `https://hh.ru/resume/${r.hash}` });
    const got = await fetchResumeProfile(answer, r.hash);
    if (!got.ok) throw new Error(got.detail);
    expect(got.profile).toMatchObject({
      title: r.title,
      skills: r.keySkills,
      experience: 'between3And6',
      salary: r.salary,
      city: r.area,
    });
    expect(got.profile.text).toBe([r.about, ...r.jobs.map((j) => `${j.position}\n${j.description}`)].join('\n\n'));
    expect(got.profile).toMatchObject({
      professionalRoles: r.professionalRoles,
      driverLicences: [],
      languages: [{ code: 'rus', level: 'l1' }],
    });
    const front = RESUMES[0]!;
    const html0 = renderResumePage(
      { origin: 'https://hh.ru', pathname: `/resume/${front.hash}`, search: '', loggedIn: true, xsrf: 'x', now: 0 },
      front,
    );
    const got0 = await fetchResumeProfile(
      async () => Object.defineProperty(new Response(html0), 'url', { value: `https://hh.ru/resume/${front.hash}` }),
      front.hash,
    );
    expect(got0.ok && got0.profile).toMatchObject({
      professionalRoles: ['96'],
      driverLicences: ['B'],
      languages: [
        { code: 'rus', level: 'l1' },
        { code: 'eng', level: 'b2' },
      ],
    });
  });
});
