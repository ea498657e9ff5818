// Usage: node try-it-out.mjs <gateway base URL> <screenshot path>
// Exits 0 when every step answered as expected; prints each step and its status.
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [gateway, screenshot] = process.argv.slice(2);
// a fresh, empty profile for every run
const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'forecourt-chromium-')), {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1400, height: 1800 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage();
page.setDefaultTimeout(30_000);

async function definition(name) {
  await page.selectOption('.topbar select', { label: name });
  await page.waitForSelector('.opblock');
}

/** Opens an operation, tries it out with the body, executes it; returns the status Swagger UI shows. */
async function tryOut(method, path, body) {
  const block = page.locator(`.opblock-${method.toLowerCase()}`)
    .filter({ has: page.locator(`.opblock-summary-path[data-path="${path}"]`) }).first();
  await block.locator('.opblock-summary').first().click();
  await block.locator('button.try-out__btn').click();
  if (body !== undefined) {
    await block.locator('textarea.body-param__text').fill(JSON.stringify(body));
  }
  await block.locator('button.execute').click();
  const status = block.locator('.live-responses-table .response .response-col_status').first();
  await status.waitFor();
  const answer = await block.locator('.live-responses-table .response-col_description pre').first().textContent();
  const code = Number(((await status.textContent()).match(/\d{3}/) || ['NaN'])[0]);
  console.log(`${method} ${path} -> ${code}`);
  return { code, answer, block };
}

/** Swagger UI forgets the token when another definition is chosen: authorise on each. */
async function authorize(token) {
  await page.locator('.auth-wrapper button.authorize').first().click();
  await page.locator('.auth-container input').first().fill(token);
  await page.locator('.auth-btn-wrapper button.authorize').first().click();
  await page.locator('.auth-btn-wrapper button.btn-done').first().click();
}

function expect(step, code, wanted) {
  if (code !== wanted) {
    console.error(`${step}: expected ${wanted}, Swagger UI showed ${code}`);
    process.exitCode = 1;
  }
}

try {
  await page.goto(`${gateway}/swagger-ui.html`);
  await definition('hr');
  const login = await tryOut('POST', '/api/v1/auth/token', { username: 'gm', password: 'demo1234' });
  expect('login', login.code, 200);
  const token = JSON.parse(login.answer).accessToken;

  await definition('parts');
  await authorize(token);
  expect('list parts', (await tryOut('GET', '/api/v1/parts')).code, 200);
  const suffix = Date.now().toString().slice(-6);
  expect('create a part', (await tryOut('POST', '/api/v1/parts', {
    partNumber: `UI${suffix}`, name: 'Wiper blade set (Swagger UI check)', unit: 'SET',
    price: { amount: 189.00, currency: 'CNY' }, binLocation: 'A-01-01',
    minStock: 1, maxStock: 10, safetyStock: 1, genuineOem: true,
  })).code, 201);

  await definition('sales');
  await authorize(token);
  expect('list leads', (await tryOut('GET', '/api/v1/leads')).code, 200);
  const create = await tryOut('POST', '/api/v1/leads', {
    customer: { name: '赵敏 Zhao Min', phone: `1390${suffix}0`.slice(0, 11) }, source: 'WALK_IN',
    interest: { model: 'Tiguan L', trim: '330TSI', notes: 'tried out from Swagger UI' },
  });
  expect('open a lead', create.code, 201);
  await create.block.scrollIntoViewIfNeeded();
  if (screenshot) {
    await page.screenshot({ path: screenshot, fullPage: false });
  }
} catch (e) {
  console.error(e);
  process.exitCode = 1;
} finally {
  await browser.close();
}
