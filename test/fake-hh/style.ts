/** A compact stylesheet imitating hh.ru's magritte look (cards, tags, buttons, pager). Not pixel-exact. */
export const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:Inter,"Helvetica Neue",Arial,sans-serif;font-size:14px;line-height:1.4;color:#000;background:#fff}
a{color:#0070ff;text-decoration:none}
.fake-hh-header{display:flex;align-items:center;gap:24px;padding:12px 32px;border-bottom:1px solid #e6ebf0;background:#fff;position:sticky;top:0;z-index:5}
.fake-hh-logo{display:inline-flex;align-items:center;justify-content:center;width:40px;height:40px;border-radius:50%;background:#d6001c;color:#fff;font-weight:700;font-size:18px}
.fake-hh-header nav a{color:#000;margin-right:18px}
.fake-hh-header .fake-hh-user{margin-left:auto;color:#5a6874}
.fake-hh-search{display:flex;gap:8px;flex:1;max-width:640px}
.fake-hh-search input[type=text]{flex:1;height:40px;border:1px solid #dce3eb;border-radius:12px;padding:0 14px;font-size:15px}
.fake-hh-search button{height:40px;border:0;border-radius:12px;background:#0070ff;color:#fff;padding:0 18px;font-size:15px}
.fake-hh-page{max-width:1100px;margin:0 auto;padding:24px 32px 64px}
.fake-hh-page h1{font-size:28px;margin:8px 0 4px;font-weight:600}
.fake-hh-found{color:#5a6874;margin-bottom:8px}
.fake-hh-columns{display:grid;grid-template-columns:minmax(0,1fr) 260px;gap:32px}
.fake-hh-aside{color:#5a6874;font-size:13px}
.fake-hh-aside div{border:1px solid #e6ebf0;border-radius:16px;padding:16px;margin-top:24px}
[data-qa="vacancy-serp__results"]{display:flex;flex-direction:column}
[class*="magritte-card___"]{display:block;border:1px solid #dce3eb;border-radius:24px;background:#fff;color:inherit}
[data-qa="vacancy-serp__vacancy"]{cursor:pointer;transition:box-shadow .15s}
[data-qa="vacancy-serp__vacancy"]:hover{box-shadow:0 4px 24px rgba(12,38,69,.12)}
[class*="magritte-v-spacing___"]{height:var(--magritte-spacing-m,8px)}
[class*="magritte-h-spacing___"]{display:inline-block;width:var(--magritte-spacing-m,8px)}
[class*="magritte-h-spacing-container___"]{display:flex;align-items:center;gap:var(--magritte-spacing-m,8px);flex-wrap:wrap}
[class*="magritte-v-spacing-container___"]{display:flex;flex-direction:column;gap:var(--magritte-spacing-m,8px)}
[class*="vacancy-card--"]{position:relative;padding:12px}
[class*="actions-container-wide--"]{position:absolute;right:8px;top:8px;display:flex;gap:4px}
[class*="magritte-action___"]{background:none;border:0;color:#9aa5b1;cursor:pointer;padding:6px;border-radius:50%}
[class*="magritte-text_style-tertiary"],[class*="magritte-text_style-secondary"]{color:#5a6874}
[class*="typography-label-4"]{font-size:12px}
[class*="typography-title-4-semibold"]{font-size:20px;font-weight:600;line-height:1.3}
[class*="typography-title-5-semibold"]{font-size:17px;font-weight:600}
[class*="typography-label-1-regular"]{font-size:17px;font-weight:500}
[data-qa="serp-item__title"]{color:#000}
[data-qa="serp-item__title"]:hover{color:#0070ff}
h2[data-qa="bloko-header-2"]{margin:0;font-size:inherit;padding-right:72px}
[class*="compensation-labels--"]{display:flex;flex-wrap:wrap;align-items:center;gap:8px}
[class*="compensation-labels--"]>span{flex-basis:100%}
[class*="magritte-tag___"]{display:inline-flex;align-items:center;height:28px;padding:0 10px;border-radius:10px;background:#eef1f5;font-size:13px;color:#000}
[class*="magritte-tag_style-positive"]{background:#e6f7ea;color:#0b7d2c}
[class*="company-name-badges-container--"]{display:flex;align-items:center;gap:6px}
[data-qa="vacancy-serp__vacancy-employer"]{color:#000}
[data-qa="trusted-employer-link"]{color:#0070ff;display:inline-flex}
[data-qa="company-review-rating"]{font-size:12px;color:#5a6874}
[data-qa="company-review-rating"] svg{color:#f5a623}
.metro-station{display:inline-flex;align-items:center;gap:4px}
.metro-point{display:inline-block;width:8px;height:8px;border-radius:50%;background:currentColor}
[class*="vacancy-card-footer--"]{padding:0 12px 12px}
[class*="magritte-button___"]{display:inline-flex;align-items:center;justify-content:center;height:40px;padding:0 18px;border-radius:12px;background:#0070ff;color:#fff;font-size:15px;border:0;cursor:pointer}
[class*="magritte-button_mode-secondary"]{background:#eef1f5;color:#000}
[class*="magritte-button_size-small"]{height:32px;font-size:14px}
[data-qa="vacancy-serp__vacancy_snippet_requirement"],[data-qa="vacancy-serp__vacancy_snippet_responsibility"]{display:block;color:#333;font-size:13px;margin-top:4px}
nav[data-qa="pager-block"] ul{list-style:none;display:flex;gap:6px;padding:0;margin:32px 0}
nav[data-qa="pager-block"] a{display:inline-flex;min-width:40px;height:40px;align-items:center;justify-content:center;border-radius:12px;color:#000;background:#fff;border:1px solid #dce3eb;padding:0 10px}
nav[data-qa="pager-block"] a[aria-current="true"]{background:#000;color:#fff;border-color:#000}
[data-qa="number-pages-ellipsis"]{padding:10px 4px}
[data-qa="fake-load-more"]{margin:16px 0;width:100%;background:#eef1f5;color:#000}
[data-qa="empty-vacancy-search-block"]{border:1px solid #dce3eb;border-radius:24px;padding:32px;text-align:center;font-size:17px}
.fake-hh-vacancy{display:grid;grid-template-columns:minmax(0,1fr) 300px;gap:32px}
.vacancy-title h1{font-size:32px;line-height:1.2;margin:0 0 12px}
[data-qa="vacancy-salary"]{font-size:20px;margin-bottom:12px}
.fake-hh-keyinfo p,.fake-hh-keyinfo>div{margin:4px 0}
.fake-hh-response{display:flex;align-items:center;gap:12px;margin:20px 0}
[data-qa="vacancy-description"]{font-size:15px;line-height:1.55}
[data-qa="vacancy-description"] ul{padding-left:20px}
.vacancy-skill-list{display:flex;flex-wrap:wrap;gap:8px;padding:0;list-style:none}
.vacancy-company-details{border:1px solid #dce3eb;border-radius:24px;padding:20px;display:block}
.fake-hh-alert{border-radius:16px;padding:16px;background:#fff4e5;margin:16px 0}
.fake-hh-form{max-width:420px;display:flex;flex-direction:column;gap:12px}
.fake-hh-form input{height:44px;border:1px solid #dce3eb;border-radius:12px;padding:0 14px;font-size:15px}
.fake-hh-captcha-img{width:240px;height:80px;border-radius:12px;background:repeating-linear-gradient(45deg,#ccd6e0 0 8px,#eef1f5 8px 16px);display:flex;align-items:center;justify-content:center;font:italic 28px Georgia,serif;letter-spacing:6px;color:#334}
[data-qa="negotiations-item"]{padding:16px;margin-bottom:16px}
[data-qa="resume-title"]{font-size:20px;font-weight:600}
.fake-hh-footer{color:#9aa5b1;font-size:12px;text-align:center;padding:24px}
`;
