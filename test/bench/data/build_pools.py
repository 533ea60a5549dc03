#!/usr/bin/env python3
"""Rebuilds the labelling pools of the repo's personas from ../shared/data/vacancies.jsonl.gz (prints JSON).

As hh search returns them for the persona's query: the query words matched anywhere (title, description, key
skills) at a word start, 12 drawn from title matches and 8 from matches elsewhere, seeded; never an item of the
shared dev labels. Run from the repo root: python3 test/bench/data/build_pools.py > /tmp/pools.json
"""
import gzip, html, json, os, random, re

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get('OTKLIK_SHARED_DIR') or os.path.join(HERE, '../../../../shared')
# The query words as hh matches them (a word start, with its inflections).
RX = {'driver-b': [r'водител'], 'warehouse-worker': [r'склад'], 'sales-manager': [r'менеджер', r'продаж'],
      'shop-assistant': [r'продав(?!ать|ал|аем|ае)'], 'economist': [r'экономист'], 'doctor-therapist': [r'врач'],
      'teacher-english': [r'преподава'], 'welder': [r'сварщ'], 'construction-foreman': [r'прораб'],
      'estimator': [r'сметчик'], 'procurement': [r'закуп'], 'recruiter': [r'рекрутер'], 'marketer': [r'маркетолог'],
      'graphic-designer': [r'дизайнер'], 'sysadmin': [r'системн\w* администратор'], 'onec-developer': [r'1с'],
      'design-engineer': [r'конструктор'], 'receptionist': [r'администратор'], 'product-manager': [r'product', r'manager'],
      'car-mechanic': [r'механик'], 'electrician': [r'электрик'], 'pharmacist': [r'фармацевт'], 'logistician': [r'логист'],
      'lawyer': [r'юрист'], 'call-operator': [r'оператор', r'(call|колл)'], 'hr-records': [r'кадр']}

def strip(h):
    return re.sub(r'\s+', ' ', html.unescape(re.sub(r'<[^>]+>', ' ', h or ''))).strip()

def main():
    personas = json.load(open(os.path.join(HERE, 'personas.json'))) + json.load(open(os.path.join(HERE, 'personas.heldout.json')))
    vs = [json.loads(l) for l in gzip.open(os.path.join(SHARED, 'data/vacancies.jsonl.gz'), 'rt')]
    used = {vid for d in json.load(open(os.path.join(SHARED, 'bench/labels.dev.json'))).values() for vid in d}
    text = lambda v: (v['name'] + ' ' + strip(v.get('description')) + ' ' + ' '.join(k['name'] for k in v.get('key_skills') or [])).lower()
    rng = random.Random(2026)
    pools = {}
    for p in personas:
        st = [re.compile(r'(?<![а-яёa-z0-9])' + x) for x in RX[p['id']]]
        title = [v for v in vs if v['id'] not in used and all(r.search(v['name'].lower()) for r in st)]
        tid = {v['id'] for v in title}
        anyw = [v for v in vs if v['id'] not in used and v['id'] not in tid and all(r.search(text(v)) for r in st)]
        rng.shuffle(title); rng.shuffle(anyw)
        pick = title[:12] + anyw[:8]
        if len(pick) < 20: pick += (title[12:] + anyw[8:])[:20 - len(pick)]
        pools[p['id']] = [v['id'] for v in pick]
    print(json.dumps(pools, indent=1))

if __name__ == '__main__':
    main()
