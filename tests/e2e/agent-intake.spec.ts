// The clerk's side of a village agent's request (issue 9), on the demo host: the demo's village node
// (its pairing code from the host's startup lines) sends a request and its hand-over; the clerk
// counts the hand-over on the 代办件 screen, which names the village, the agent and the station;
// 受理此代办件 opens the front-desk intake filled from the request, and the clerk submits it as an
// agent case linked to the request.
import { createHash, randomUUID } from 'node:crypto';
import { expect, itemWithTwoRequired, signIn, test, ADMIN_PASSWORD } from './host';

test('受理此代办件 opens the intake filled from the request, and the case is the agent\'s', async ({ host, page }, info) => {
  const nodeToken = /配对码 \/ pairing code (\S+)/.exec(host.stdout)?.[1];
  expect(nodeToken, 'the demo host prints the village node\'s pairing code').toBeDefined();
  const admin = (await host.api('POST', '/auth/login', null, { username: 'admin', password: ADMIN_PASSWORD })).token;
  const item = await itemWithTwoRequired(host, admin, (s) => s.handlingLevel === 'town');
  const required = item.materials.filter((m: { requirement: string }) => m.requirement === 'required');
  const profile = await host.api('GET', '/village/profile', nodeToken!);
  const village = profile.villages[0];

  // The node's records: the signature scan, the request (all but the last required material), the hand-over.
  const signature = Buffer.from(`signature ${randomUUID()}`);
  const sha = createHash('sha256').update(signature).digest('hex');
  const put = await fetch(`${host.base}/api/v1/village/scans/${sha}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${nodeToken}`, 'content-type': 'application/octet-stream', 'content-range': `bytes 0-${signature.length - 1}/${signature.length}` },
    body: new Uint8Array(signature),
  });
  expect(put.status).toBe(200);
  const requestId = randomUUID();
  const brought = required.slice(0, -1).map((m: { name: string; originals: number; copies: number }) => ({ name: m.name, originals: m.originals, copies: m.copies }));
  const at = new Date().toISOString();
  const record = (seq: number, kind: string, payload: unknown) => ({ recordId: randomUUID(), kind, requestId, seq, occurredAt: at, payload });
  const sent = await host.api('POST', '/village/batches', nodeToken!, {
    nodeId: profile.nodeId,
    sentAt: at,
    records: [
      record(1, 'agent-request', {
        villageCode: village.code,
        applicant: { name: '王秀英', residentId: '11010519491231002X', mobile: '13800138000' },
        item: { code: item.code, name: item.name },
        authorisation: { scope: '代为提交申请材料、领取办理结果', validFrom: at.slice(0, 10), validUntil: at.slice(0, 10), signature: { kind: 'drawn', sha256: sha }, authorisedAt: at },
        materials: brought.map((m: object) => ({ ...m, scans: [] })),
        missing: [required[required.length - 1].name],
      }),
      record(2, 'handover', { handoverId: randomUUID(), handedAt: at, batchSize: 1, materials: brought }),
    ],
  });
  expect(sent.results.map((r: { status: string }) => r.status)).toEqual(['accepted', 'accepted']);

  // The clerk counts the hand-over on the 代办件 screen.
  await signIn(page, host, 'clerk1', 'demo1234');
  await page.goto(`${host.base}/#/agent-requests`);
  await page.getByTestId('agent-requests-table').getByRole('row', { name: new RegExp(item.name) }).click();
  await expect(page.getByTestId('handover-from')).toContainText(`${village.name} · 代办员 赵建国 · 代办点 东岭村代办点（演示）`);
  await page.screenshot({ path: info.outputPath('1-receipt.png'), fullPage: true });
  await page.getByRole('button', { name: '清点无误，签收' }).click();

  // 受理此代办件: the intake opens filled from the request; the clerk checks and submits.
  await page.getByTestId('take-in').click();
  await expect(page.getByTestId('intake-item-name')).toHaveText(item.name);
  await expect(page.getByTestId('intake-screen')).toContainText(`代办件：${village.name} · 代办员 赵建国（代理人）`);
  await expect(page.getByTestId('intake-screen').locator('input[value="11010519491231002X"]')).toHaveCount(1);
  await page.screenshot({ path: info.outputPath('2-intake.png'), fullPage: true });
  await page.getByTestId('intake-submit').click();

  await expect.poll(async () => (await host.api('GET', '/agent-requests', admin)).rows[0].caseNo).not.toBeNull();
  const [row] = (await host.api('GET', '/agent-requests', admin)).rows;
  const created = await host.api('GET', `/cases/${row.caseId}`, admin);
  expect(created.channel).toBe('agent');
  expect(created.materials.filter((m: { provided: { originals: number } }) => m.provided.originals > 0).map((m: { name: string }) => m.name)).toEqual(brought.map((m: { name: string }) => m.name));
  // The lines an agent's application always needs (授权委托书, 代办人居民身份证) were ticked for the clerk.
  const acting = item.materials.filter((m: { requirement: string; condition: string }) => m.requirement === 'conditional' && /委托|代办|代理/.test(m.condition));
  expect(acting.length, 'the demo item has the conditional lines of an agent application').toBeGreaterThan(0);
  for (const m of acting) expect(created.materials.find((c: { name: string }) => c.name === m.name)?.applicable, m.name).toBe(true);
  await page.screenshot({ path: info.outputPath('3-created.png'), fullPage: true });
});
