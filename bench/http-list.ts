// The request under test: a staff member's first page of the enterprise list.
export const LIST_PATH = '/api/enterprises?page=1&pageSize=20';
export const DEMO_STAFF = { username: 'staff01', password: 'Kechuang@2026' } as const;

/** Logs in as the demo staff user and returns the `Cookie` header value carrying the session. */
export async function logInAsStaff(baseUrl: string): Promise<string> {
  const response = await fetch(new URL('/api/auth/login', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO_STAFF),
  });
  if (response.status !== 200) throw new Error(`login answered ${response.status}: ${await response.text()}`);
  const session = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .find((pair) => pair.startsWith('kc_session='));
  if (!session) throw new Error('login answered 200 without a kc_session cookie');
  return session;
}

/** Fetches the list once so a misconfigured run (401, empty district) fails before measuring. */
export async function checkList(baseUrl: string, cookie: string, expectedTotal: number): Promise<void> {
  const response = await fetch(new URL(LIST_PATH, baseUrl), { headers: { cookie } });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`enterprise list answered ${response.status}: ${text}`);
  const body = JSON.parse(text) as { total?: unknown; items?: unknown };
  if (body.total !== expectedTotal || !Array.isArray(body.items) || body.items.length !== 20)
    throw new Error(
      `enterprise list returned total=${String(body.total)}; expected ${expectedTotal} with 20 items`,
    );
}
