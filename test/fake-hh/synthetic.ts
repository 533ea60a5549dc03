/**
 * CLEARLY SYNTHETIC fallback vacancies (written for the fake, not real data), used only when
 * ../shared/data/vacancies.jsonl.gz is absent so the server still works. Same loose shape as the real records.
 */
const TITLES = [
  ['Python-разработчик', ['Python', 'Django', 'PostgreSQL']],
  ['Frontend-разработчик (React)', ['React', 'TypeScript', 'CSS']],
  ['Аналитик данных', ['SQL', 'Python', 'Power BI']],
  ['Менеджер по продажам', ['Продажи', 'CRM', 'Переговоры']],
  ['Тестировщик ПО', ['QA', 'Postman', 'SQL']],
  ['DevOps-инженер', ['Kubernetes', 'Docker', 'CI/CD']],
  ['Бухгалтер', ['1С', 'Налоговый учет', 'Excel']],
  ['Java-разработчик', ['Java', 'Spring', 'Kafka']],
  ['Дизайнер интерфейсов', ['Figma', 'UX', 'Прототипирование']],
  ['Системный аналитик', ['BPMN', 'UML', 'REST API']],
] as const;
const EXPERIENCE = ['noExperience', 'between1And3', 'between3And6', 'moreThan6'] as const;
const CITIES = ['Москва', 'Санкт-Петербург', 'Казань', 'Новосибирск', 'Екатеринбург'] as const;

export const SYNTHETIC_VACANCIES = Array.from({ length: 30 }, (_, i) => {
  const [name, skills] = TITLES[i % TITLES.length] ?? TITLES[0];
  const city = CITIES[i % CITIES.length] ?? 'Москва';
  const remote = i % 3 === 0;
  return {
    id: String(100_000_001 + i),
    name,
    employer: { name: `ООО «Синтетика ${(i % 7) + 1}» (тестовые данные)` },
    salary: i % 4 === 3 ? null : { from: 60_000 + i * 10_000, to: i % 2 ? 120_000 + i * 10_000 : null, currency: 'RUR', gross: i % 2 === 0 },
    experience: { id: EXPERIENCE[i % EXPERIENCE.length] },
    schedule_text: remote ? 'Полная занятость, удаленная работа' : 'Полная занятость, полный день',
    address: `${city}, улица Примерная, ${i + 1}`,
    key_skills: skills.map((s) => ({ name: s })),
    description:
      `<p>Синтетическая вакансия №${i + 1} для тестов Otklik (реальные данные не найдены).</p> ` +
      `<p><strong>Обязанности:</strong></p> <ul> <li>Работать над задачами команды: ${skills.join(', ')}.</li> </ul> ` +
      `<p><strong>Требования:</strong></p> <ul> <li>Опыт работы с ${skills[0]}.</li> </ul> ` +
      `<p><strong>Условия:</strong></p> <ul> <li>${remote ? 'Удалённая работа' : 'Офис в центре города'}, ДМС.</li> </ul>`,
  };
});
