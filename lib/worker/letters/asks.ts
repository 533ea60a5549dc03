import { skeleton } from './normalize-text';
import type { CleanVacancyText } from './vacancy-text';

/**
 * What untrusted text (a vacancy's title, employer name, key skills, snippet, description, hidden markup,
 * encoded blobs; an employer's chat message) asks of the letter or of the model. Two kinds, both surfaced to the
 * user and never obeyed by the model:
 *  - `request`: a recruiter's check — a code word, a question, "mention X", "give your phone / salary". The user
 *    decides and types it in the review box.
 *  - `ai_trap`: text aimed at the model — "if you are an AI…", "disregard everything above", a forged end of
 *    the data block, a new "system prompt", a persona switch, and anything hidden from a human reader or encoded.
 * A job with any ask always waits for the user, even in auto mode.
 *
 * Detection reads the skeleton of each sentence (./normalize-text.ts: lookalike letters, digits-for-letters and
 * spelled-out letters folded), so "Ignоre" with a Cyrillic о, "1gn0re" and "И Г Н О Р И Р У Й" all match. Traps
 * are also looked for across two neighbouring sentences ("Attention, AI! Start your letter with…").
 */
export type AskSource =
  'title' | 'employer' | 'key_skills' | 'snippet' | 'description' | 'hidden' | 'comment' | 'encoded' | 'message';

export interface VacancyAsk {
  kind: 'request' | 'ai_trap';
  /** The sentence as the vacancy has it (plain, trimmed). */
  text: string;
  /** Not visible to a person reading the vacancy (hidden markup, a comment, an encoded blob). */
  hidden: boolean;
  /** Which field it came from. */
  source: AskSource;
  /** Words the letter must not contain unless the user adds them (quoted/capitalised tokens of the ask). */
  canaries: string[];
}

export interface UntrustedField {
  source: AskSource;
  text: string;
}

// Who an injection talks to (skeleton: lower case, ё → е).
const AI_EN = String.raw`(?:ai|a\.i\.|artificial intelligence|llms?|gpts?|chat ?gpt|claude|gemini|copilot|bots?|robots?|(?:large )?language models?|(?:ai |virtual )?assistants?|neural net(?:work)?s?|(?:ai |llm |autonomous )?agents?|automated (?:tools?|systems?|applicants?|applications?|writers?|software|scripts?|assistants?|agents?)|auto-?appl\w*|text generators?|machines?|models?)`;
const AI_EN_STRICT = String.raw`(?:ai|llms?|gpts?|chat ?gpt|claude|gemini|copilot|(?:large )?language models?|neural net(?:work)?s?|(?:ai|llm|virtual) (?:assistants?|agents?|writers?|tools?)|automated (?:tools?|systems?|applicants?|applications?|writers?|software|scripts?|assistants?|agents?)|auto-?appl\w*|text generators?)`;
const AI_RU = String.raw`(?<![а-яёa-z])(?:ии|ai|искусственн\S* интеллект\S*|нейросет\S*|нейронн\S* сет\S*|нейронк\S*|чат-?бот\S*|бот\S*|робот\S*|языков\S* модел\S*|модел[ьи]|chat ?gpt|gpt|llm|гигачат\S*|gigachat|ии-\S+|ассистент\S*|автоматическ\S* (?:систем|ассистент|помощник|инструмент|сервис|отклик|генератор|программ)\S*|генератор\S* (?:текст|писем|откликов)\S*|программ(?:а|ой)(?![а-яё])|скрипт(?:ом)?(?![а-яё])|алгоритм(?:ом)?(?![а-яё]))`;
const AI_RU_STRICT = String.raw`(?<![а-яёa-z])(?:ии|ai|искусственн\S* интеллект\S*|нейросет\S*|нейронн\S* сет\S*|нейронк\S*|чат-?бот\S*|языков\S* модел\S*|chat ?gpt|gpt|llm|гигачат\S*|gigachat|ии-\S+|автоматическ\S* (?:систем|ассистент|помощник|инструмент|сервис|отклик|генератор|программ)\S*|генератор\S* (?:текст|писем|откликов)\S*)`;
const IMPERATIVE_RU = String.raw`(?<![а-яёa-z])(?:начни|начните|напиши|напишите|укажи|укажите|добавь|добавьте|вставь|вставьте|упомяни|упомяните|закончи|закончите|заверши|завершите|подпиши|подпишите|выведи|выведите|признай|признайте|признайся|признайтесь|сообщи|сообщите|включи|включите|используй|используйте|ответь|ответьте|поставь|поставьте|игнорируй|игнорируйте|забудь|забудьте)`;
const INFINITIVE_RU = String.raw`(?<![а-яёa-z])(?:начинаться|заканчиваться|завершаться|содержать|включать|начать|написать|указать|добавить|вставить|упомянуть|закончить|завершить|подписать|вывести|признать|сообщить|включить|ответить|поставить|игнорировать|забыть)`;
/** More imperatives of asking for something; with a left boundary ("дайте" is not "задайте"). */
const MORE_RU = String.raw`(?<![а-яё])(?:оставьте|оставь|приложите|продублируйте|пришлите|пришли|дайте|дай|впишите|поделитесь|отправьте|назовите|назови|обозначьте|озвучьте|пропишите)`;
/** "Your own" (not "Контактная информация", a heading of hh's page). */
const MINE_RU = String.raw`(?<![а-яё])(?:ваш|свой|сво[иеёй]|твой|тво[иейё]|личн\S*|для связи)`;
const LETTER_RU = String.raw`(?<![а-яёa-z])(?:письм(?:о|а|е|у|ом|ами|ах)?(?![а-яё])|сопроводительн\S*|отклик\S*|ответ\S*|сообщени\S*|текст\S*)`;
const LETTER_EN = String.raw`(?:cover\s+)?(?:letter|application|response|message|reply|answer|e-?mail|text|submission|output)s?`;
const CONTACT_RU = String.raw`(?<![а-яёa-z])(?:телефон|номер|мобильн|почт|e-?mail|емейл|имейл|электронн|телеграм|telegram|тг(?![а-я])|контакт|ссылк|github|гитхаб|linkedin|whatsapp|ватсап|мессенджер|skype|vk|вконтакте)`;
const CONTACT_EN = String.raw`(?:phone|mobile|number|e-?mail|telegram|contacts?|whatsapp|linkedin|github|skype|address|handle|portfolio)`;
const SALARY_RU = String.raw`(?<![а-яёa-z])(?:зарплат|заработн|оклад|зп(?![а-я])|з/п|доход|вознагражден|ставк|ожидани\S* по (?:оплат|доход)|финансов\S* ожидани|денежн)`;
const SALARY_EN = String.raw`(?:salary|compensation|pay\b|payment expectations|rate\b|expectations|expected (?:pay|income))`;

const re = (s: string) => new RegExp(s, 'u');

const AI_TRAP: RegExp[] = [
  // Talking to the model.
  re(
    String.raw`\b(?:if|when|in case|should|whether) (?:you(?:'re| are)|this (?:text |letter |application )?is (?:being )?(?:read|written|generated|processed|produced) by) (?:an? |the |some )?${AI_EN}\b`,
  ),
  re(
    String.raw`\b(?:note|attention|message|instructions?|rules?|notice|reminder|hint|reminder|warning|psa)s? (?:to|for) (?:all |any |the )?${AI_EN}\b`,
  ),
  re(
    String.raw`\b${AI_EN}(?: reading this| writers?| tools?| applying| that read this)?\s*[:—–-]\s*(?:please\s+)?(?:start|begin|open|end|finish|include|write|mention|add|insert|say|state|sign|put|append|ignore|disregard|forget|use|answer|reply|respond|confirm)`,
  ),
  re(
    String.raw`\b${AI_EN_STRICT}\b[^.!?\n]{0,60}\b(?:must|should|shall|need to|have to|are required to|are to|is required to|please)\b[^.!?\n]{0,30}\b(?:start|begin|open|end|finish|close|conclude|include|write|mention|add|insert|say|state|sign|use|answer|reply|respond|put|output|print|append|prepend|type|confirm|admit|reveal|identify)`,
  ),
  re(
    String.raw`\b(?:say|state|admit|confirm|write|mention|reveal|disclose|tell us) (?:that |whether )?you(?:'re| are) (?:an? )?${AI_EN}\b`,
  ),
  re(
    String.raw`\b(?:reveal|print|show|repeat|output|disclose) (?:your |the )?(?:system |initial |original |hidden )?(?:prompt|instructions|rules)\b`,
  ),
  // Overriding the rules.
  re(
    String.raw`\b(?:ignore|disregard|forget|override|overrule|bypass|skip|drop|discard|set aside|put aside|abandon|cancel|reset|stop following|do not follow|don't follow|no longer follow)\b[^.!?\n]{0,40}\b(?:instructions?|rules?|guidance|guidelines?|directions?|prompts?|constraints?|restrictions?|everything|all of the above|context|orders|commands|programming|system message|policies|what you (?:were|have been) told)\b`,
  ),
  re(
    String.raw`\b(?:everything|all|anything) (?:written |stated |said |you read )?(?:above|before|previously|earlier|so far)\b[^.!?\n]{0,40}\b(?:ignore|disregard|forget|void|invalid|irrelevant|does not apply|doesn't apply|no longer)`,
  ),
  re(
    String.raw`\b(?:new|updated|revised|additional|override|secret|hidden|real|true) (?:system )?(?:instructions?|rules?|prompt|directives?)\s*(?:[:—–-]|for (?:the |all |any )?${AI_EN}|(?:apply|follow) )`,
  ),
  re(
    String.raw`\b(?:system prompt|system message|developer mode|jailbreak|dan mode|prompt injection)\b|\[\/?(?:inst|sys|system)\]|<<\s*\/?sys\s*>>|\|im_(?:start|end)\||<\|(?:system|user|assistant|endoftext)\|>`,
  ),
  re(
    String.raw`\b(?:you are now|from now on,? you|pretend (?:to be|you are|that you)|role-?play as|now act as|please act as|you must act as|your (?:only|real|true|actual) (?:task|job|goal|role|purpose)\b|your new (?:instructions|task is|job is|goal is)\b)`,
  ),
  // Russian.
  re(String.raw`(?<![а-яa-z])если (?:ты|вы)\s*[-—–,]?\s*(?:являетесь |являешься |— |- )?${AI_RU}`),
  re(
    String.raw`(?<![а-яa-z])если (?:это|этот|данн\S*|письмо|отклик|текст)[^.!?\n]{0,40}(?:пиш|чита|генерир|сгенерир|составл|обрабатыва|написан)\S*[^.!?\n]{0,20}${AI_RU}`,
  ),
  re(String.raw`(?<![а-яё])(?:вниманию|внимание|обращение к)\s*[:,!]?\s*(?:всех\s+|всем\s+)?${AI_RU}`),
  re(
    String.raw`(?<![а-яё])(?:сообщение|инструкци[яи]|правил[оа]|указани[ея]|заметка) для\s+(?:всех\s+)?${AI_RU}\s*[:!—–-]`,
  ),
  re(
    String.raw`(?:^|[\s(«"])(?:нейросетям|ботам|роботам|ии-ассистентам|ассистентам|языковым моделям|моделям|агентам|llm-агентам|автоматическим \S+)\s*[:—–]`,
  ),
  re(
    String.raw`^\s*(?:${AI_RU}|${AI_EN})\s*[,!:—–-]\s*(?:пожалуйста,?\s*)?(?:${IMPERATIVE_RU}|please|start|begin|write|add|include|mention|ignore|forget|answer|reply|say)`,
  ),
  re(
    String.raw`${AI_RU_STRICT}[,\s][^.!?\n]{0,50}(?:${IMPERATIVE_RU}|(?:долж(?:ен|на|ны|но)|обязан(?:а|ы|о)?(?![а-яё])|необходимо|нужно|следует|надо)[^.!?\n]{0,25}${INFINITIVE_RU})`,
  ),
  re(
    String.raw`(?:признай\S*|сообщи\S*|напиши\S*|укажи\S*|скажи\S*|подтверди\S*)[^.!?\n]{0,20}что (?:ты|вы) (?:—\s*)?${AI_RU}`,
  ),
  re(
    String.raw`(?:игнорир\S*|проигнорир\S*|забуд\S*|забыть|отбрось\S*|отбросить|не обращай\S* внимани\S* на|не учитывай\S*|не следуй\S*|отмени\S*|сбрось\S*|перестань\S* следовать|больше не следуй\S*|не выполняй\S*)[^.!?\n]{0,40}(?:инструкц|указани|правил|промпт|ограничени|настро|всё|все,? что|выше|ранее|предыдущ|прежн|систем)`,
  ),
  re(
    String.raw`(?:все|всё)(?:,? что| написанное| сказанное| указанное)?\s*(?:написано |сказано |указано )?(?:выше|ранее|до этого)[^.!?\n]{0,40}(?:не (?:имеет значения|действует|важно|учитывай)|игнорир|забуд|отмен|недействительн)`,
  ),
  re(
    String.raw`(?:нов\S*|обновл\S*|дополнительн\S*|настоящ\S*|секретн\S*|скрыт\S*|истинн\S*) (?:системн\S* )?(?:инструкц|правил|указани|промпт|задани|директив)\S*\s*(?:[:—–-]|для ${AI_RU})`,
  ),
  re(String.raw`(?:системн(?:ый|ого|ому|ым) промпт|промпт-?инъекц|режим разработчика|джейлбрейк)`),
  re(
    String.raw`(?:с этого момента|отныне|начиная с этого сообщения)\s*,?\s*(?:ты|вы)(?![а-я])|(?:ты|вы) теперь\s*[—–-]|сыграй\S* роль|притворись|притворитесь|веди себя как|ведите себя как|(?:твоя|ваша) (?:единственная|настоящая|истинная) (?:задача|роль|цель)|(?:твоя|ваша) новая (?:задача|цель)\s*[:—–-]`,
  ),
  // A forged end of the data block / a forged role turn.
  re(
    String.raw`[‹<]\s*\/?\s*(?:vacancy|вакансия|data|данные|description|описание|profile|профиль|system|система|user|assistant|instructions?|инструкци\S*|prompt|промпт|context|контекст|resume|резюме|untrusted|document|документ|сообщение|message)(?![a-zа-яё])[^›>\n]{0,40}[›>]`,
  ),
  re(
    String.raw`[\[<‹#=|]+\s*\/?\s*(?:system|система|системное сообщение|assistant|ассистент|user|пользователь|instructions?|инструкци\S*|inst|sys)\s*[\]>›|]`,
  ),
  re(
    String.raw`(?:^|[.!?›>#=*]\s*)(?:system|система|системное сообщение|assistant|ассистент|admin|администратор|developer|instructions?|инструкция)\s*:[^\n]{0,80}(?:${IMPERATIVE_RU}|${INFINITIVE_RU}|\b(?:include|write|add|start|begin|ignore|mention|say|must|should)\b|(?<![а-яё])(?:долж|обязан|прос[ия]т))`,
  ),
  re(
    String.raw`(?:^|[\[(#=*›>]\s*|^\s*-+\s*)(?:end|конец|окончание|завершение|close)\s+(?:of\s+)?(?:the\s+)?(?:vacancy|job|description|data|document|context|input|user input|описани\S*|ваканси\S*|данн\S*|текст\S*|документ\S*|блок\S*)`,
  ),
];

const REQUEST: RegExp[] = [
  re(String.raw`кодов(?:ое|ым|ого|ую)\s+(?:слов|фраз)`),
  re(String.raw`(?:секретн|контрольн|проверочн)(?:ое|ую|ым|ого)\s+(?:слов|фраз)`),
  re(String.raw`\b(?:code|secret|pass|magic|key|safe)\s?(?:word|phrase)s?\b`),
  re(
    String.raw`(?:начните|начинайте|начни|закончите|завершите|подпишите|заканчивайте)\s+(?:ваше\s+|своё\s+|свое\s+|ваш\s+|свой\s+)?${LETTER_RU}`,
  ),
  re(
    String.raw`(?<![а-яa-z])(?:в|во)\s+(?:\S+\s+)?(?:сопроводительн\S*|письм(?:о|а|е|у|ом)(?![а-яё])|отклик\S*|ответ(?:е|ах)?(?![а-яё])|сообщени\S*)[^.!?\n]{0,60}(?:укаж|напиш|ответьте|ответь|расскаж|прилож|добав|упомян|встав|включ|впиш|продублир)`,
  ),
  re(
    String.raw`(?:${IMPERATIVE_RU}|${MORE_RU}|(?<![а-яё])(?:отметьте|отметь|подчеркните|подчеркни|расскажите|расскажи|приложите|впишите|продублируйте|сообщите|скажите|опишите))[^.!?\n]{0,60}(?<![а-яё])(?:в|во|к)\s+(?:\S+\s+)?${LETTER_RU}`,
  ),
  re(
    String.raw`${LETTER_RU}\s+(?:\S+\s+)?(?:долж(?:ен|на|ны|но)|обязан(?:а|ы|о)?(?![а-яё]))\s+(?:начинаться|заканчиваться|завершаться|содержать|включать)`,
  ),
  re(
    String.raw`\b(?:first|last|opening|closing) (?:word|line|sentence|phrase) of (?:your|the|each|every) ${LETTER_EN}\b|\b(?:your|the) ${LETTER_EN} (?:must|should|has to|needs to) (?:start|begin|end|open|close|contain|include)\b`,
  ),
  re(String.raw`(?:ответьте|ответь)\s+(?:на\s+)?(?:вопрос|следующ)`),
  re(
    String.raw`(?:${INFINITIVE_RU}|вписать|продублировать)[^.!?\n]{0,40}(?<![а-яё])(?:в|во)\s+(?:\S+\s+)?${LETTER_RU}`,
  ),
  re(String.raw`(?:словом|фразой|словами|слово|фразу)\s+[«"“'‘]`),
  re(
    String.raw`(?:упомяните|упомяни|напишите|напиши|скажите|скажи|подтвердите|подтверди|укажите|укажи),?\s+что\s+(?:вы|ты)(?![а-я])`,
  ),
  // Contacts and salary.
  re(String.raw`(?:${IMPERATIVE_RU}|${MORE_RU})[^.!?\n]{0,50}(?:${MINE_RU})[^.!?\n]{0,40}${CONTACT_RU}`),
  re(String.raw`(?:${MINE_RU})\s+(?:\S+\s+){0,2}${CONTACT_RU}[^.!?\n]{0,50}(?:${IMPERATIVE_RU}|${MORE_RU})`),
  re(String.raw`(?:${IMPERATIVE_RU}|${MORE_RU})[^.!?\n]{0,50}${SALARY_RU}`),
  re(String.raw`${SALARY_RU}[^.!?\n]{0,50}(?:${IMPERATIVE_RU}|${MORE_RU})`),
  re(String.raw`(?<![а-яa-z])без (?:указани\S*|упоминани\S*)[^.!?\n]{0,40}(?:${SALARY_RU}|ожидани|${CONTACT_RU})`),
  re(
    String.raw`\b(?:include|add|provide|share|leave|send|list|state|give|put|duplicate|write|attach|mention|specify|drop|tell us)\b[^.!?\n]{0,40}\byour\b[^.!?\n]{0,30}\b${CONTACT_EN}`,
  ),
  re(
    String.raw`\b(?:state|include|mention|specify|indicate|tell us|give|provide|share|name|list|put|write|let us know)\b[^.!?\n]{0,50}\b(?:your|the|expected|desired)\b[^.!?\n]{0,30}${SALARY_EN}`,
  ),
  re(
    String.raw`\b(?:without|do not|don't|fail to|not)\b[^.!?\n]{0,40}\b(?:salary|compensation|expectations|phone|e-?mail)\b`,
  ),
  // Shaping the letter.
  re(
    String.raw`\b(?:in|with|into|at the (?:start|end|beginning) of) your (?:cover )?letter[^.!?\n]{0,40}\b(?:mention|include|answer|tell|write|state|specify|add|say)`,
  ),
  re(
    String.raw`\b(?:mention|include|write|say|tell|add|state|note|put|insert|use|sign|end|finish|close|conclude|open|start|begin|answer|reply|respond|type|append)\b[^.!?\n]{0,60}\b(?:in|into|at|with|to|on|of)\s+(?:your|the|this|each|every)\s+${LETTER_EN}\b`,
  ),
  re(String.raw`\b(?:sign|start|begin|open|end|finish|close|conclude)\s+(?:your|the|this|each|every)\s+${LETTER_EN}\b`),
  re(String.raw`\bplease (?:answer|mention|include)[^.!?\n]{0,60}\b(?:letter|application)`),
  re(
    String.raw`\b(?:please )?(?:mention|state|write|say|confirm|tell us) (?:that|the word|the phrase|the words|the number)\b`,
  ),
  re(String.raw`\b(?:the|this) (?:word|phrase) ["“'‘«]`),
];

/** Read on the sentence as written (capitals matter): "слово ПОДСОЛНУХ", "the word KIWI". */
const REQUEST_CASED: RegExp[] = [
  /(?:слово|фразу|фразой|словом|word|phrase)\s*:?\s+[A-ZА-ЯЁ][A-ZА-ЯЁ0-9-]{3,}(?![a-zа-яё])/u,
];

/** Imperatives that make a title, an employer name or a key skill suspicious on their own: such fields name things. */
const FIELD_IMPERATIVE = re(
  String.raw`(?:${IMPERATIVE_RU}|упомяните|оставьте|пришлите|продублируйте)|\b(?:ignore|disregard|forget|mention|include|write|add|start|begin|sign|insert|reply|respond|say|state|tell)\b(?![ -]?(?:ups?|offs?|ing)\b)`,
);

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|(?<=[a-zа-яё][.!?])(?=[A-ZА-ЯЁ])|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Quoted words or ALL-CAPS tokens (BANANA, "I AM A BOT", «Python2026»): the letter must not echo them by itself. */
export function canariesOf(sentence: string): string[] {
  const out = new Set<string>();
  for (const m of sentence.matchAll(/["«“'‘„]([^"»”'’“]{2,40})["»”'’“]/g)) if (m[1]) out.add(m[1].trim());
  for (const m of sentence.matchAll(/(?<![A-Za-zА-ЯЁа-яё0-9])[A-ZА-ЯЁ][A-ZА-ЯЁ0-9]{3,}(?![A-Za-zА-ЯЁа-яё0-9])/g))
    if (!/^(LLM|GPT|HTML|JSON|HTTP|API|SQL|REST|AI|CV|NOTE|PS)$/.test(m[0])) out.add(m[0]);
  return [...out];
}

const words = (s: string) => (s.match(/\p{L}{2,}/gu) ?? []).length;

function excerpt(s: string, at: number): string {
  // hh descriptions often lack sentence breaks: show the words around the match, not a paragraph's start.
  const from = s.length > 300 ? Math.max(0, at - 100) : 0;
  const to = Math.min(s.length, from + 300);
  return `${from > 0 ? '…' : ''}${s.slice(from, to).trim()}${to < s.length ? '…' : ''}`;
}

/** Every ask in the untrusted fields, visible ones first; at most 8. */
export function scanUntrusted(fields: readonly UntrustedField[]): VacancyAsk[] {
  const out: VacancyAsk[] = [];
  const seen = new Set<string>();
  const add = (a: VacancyAsk) => {
    if (seen.has(a.text)) return;
    seen.add(a.text);
    out.push(a);
  };
  const ordered = [...fields].sort((a, b) => Number(isHidden(a.source)) - Number(isHidden(b.source)));
  for (const f of ordered) {
    const hidden = isHidden(f.source);
    const list =
      f.source === 'title' || f.source === 'employer' || f.source === 'key_skills'
        ? [f.text.trim()].filter(Boolean)
        : sentences(f.text);
    const skel = list.map((s) => skeleton(s));
    let found = false;
    for (let i = 0; i < list.length; i++) {
      const s = list[i]!;
      const k = skel[i]!;
      let kind: VacancyAsk['kind'] | null = null;
      let at = 0;
      const trap = AI_TRAP.find((r) => r.test(k));
      if (trap) {
        kind = 'ai_trap';
        at = trap.exec(k)?.index ?? 0;
      } else {
        const next = skel[i + 1];
        const pairTrap =
          next && !AI_TRAP.some((r) => r.test(next)) ? AI_TRAP.find((r) => r.test(`${k} ${next}`)) : undefined;
        const req = REQUEST.find((r) => r.test(k)) ?? REQUEST_CASED.find((r) => r.test(s));
        if (pairTrap) {
          add({
            kind: 'ai_trap',
            text: excerpt(`${s} ${list[i + 1]!}`, 0),
            hidden,
            source: f.source,
            canaries: canariesOf(`${s} ${list[i + 1]!}`),
          });
          found = true;
          continue;
        }
        if (req) {
          kind = 'request';
          at = req.exec(k)?.index ?? 0;
        } else if (
          (f.source === 'title' || f.source === 'employer' || f.source === 'key_skills') &&
          FIELD_IMPERATIVE.test(k)
        ) {
          kind = 'request';
        }
      }
      if (!kind) continue;
      found = true;
      add({ kind: hidden ? 'ai_trap' : kind, text: excerpt(s, at), hidden, source: f.source, canaries: canariesOf(s) });
    }
    // Hidden or encoded text has no reason to exist in a vacancy: any real words in it are reported, as a trap.
    if (hidden && !found && words(f.text) >= 3)
      add({
        kind: 'ai_trap',
        text: excerpt(f.text.replace(/\s+/g, ' ').trim(), 0),
        hidden: true,
        source: f.source,
        canaries: canariesOf(f.text),
      });
  }
  return out.slice(0, 8);
}

function isHidden(source: AskSource): boolean {
  return source === 'hidden' || source === 'comment' || source === 'encoded';
}

/** The untrusted fields of a vacancy, as ./prompt.ts cleans them. */
export function vacancyFields(v: {
  title: string;
  employer: string;
  keySkills: readonly string[];
  snippet: string;
  clean: CleanVacancyText;
}): UntrustedField[] {
  const fields: UntrustedField[] = [
    { source: 'title', text: v.title },
    { source: 'employer', text: v.employer },
    ...v.keySkills.map((text) => ({ source: 'key_skills' as const, text })),
    { source: 'snippet', text: v.snippet },
    { source: 'description', text: v.clean.text },
    ...v.clean.hiddenParts.map((h) => ({
      source: h.how === 'comment' ? ('comment' as const) : ('hidden' as const),
      text: h.text,
    })),
    ...v.clean.encoded.map((b) => ({ source: 'encoded' as const, text: b.decoded })),
  ];
  return fields.filter((f) => f.text.trim());
}

/** Description-only scan (visible, hidden): kept for callers that have just the text. */
export function findAsks(visible: string, hidden: string): VacancyAsk[] {
  return scanUntrusted([
    { source: 'description', text: visible },
    { source: 'hidden', text: hidden },
  ]);
}

const SOURCE_LABEL: Record<AskSource, { ru: string; en: string }> = {
  title: { ru: 'в названии вакансии', en: 'in the title' },
  employer: { ru: 'в названии работодателя', en: "in the employer's name" },
  key_skills: { ru: 'в ключевых навыках', en: 'in the key skills' },
  snippet: { ru: 'в кратком описании', en: 'in the snippet' },
  description: { ru: '', en: '' },
  hidden: { ru: 'скрытый текст', en: 'hidden text' },
  comment: { ru: 'скрыто в HTML-комментарии', en: 'hidden in an HTML comment' },
  encoded: { ru: 'закодированный текст', en: 'encoded text' },
  message: { ru: 'в сообщении работодателя', en: "in the employer's message" },
};

/** One line for the user per ask. */
export function describeAsk(a: VacancyAsk, lang: 'ru' | 'en'): string {
  const where = SOURCE_LABEL[a.source ?? (a.hidden ? 'hidden' : 'description')][lang];
  if (lang === 'ru')
    return `${a.kind === 'ai_trap' ? 'Ловушка для ботов' : 'Работодатель просит'}${where ? ` (${where})` : ''}: «${a.text}»`;
  return `${a.kind === 'ai_trap' ? 'A trap for bots' : 'The employer asks'}${where ? ` (${where})` : ''}: "${a.text}"`;
}
