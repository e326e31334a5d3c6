// The agent's page on a village node bound to a LAN address (a tablet on the station's Wi-Fi): the
// node asks callers from other machines for its access key. Opened with the link the node prints, the
// page takes the key, hides it from the address bar and sends it on every call; opened without it,
// the page says where to find the link and takes it pasted.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { freePort, startNode, type Proc } from './village-processes.js';

/** An IPv4 address of this machine that is not loopback: calls to it do not come from 127.0.0.1. */
function lanAddress(): string | null {
  const all = Object.values(os.networkInterfaces()).flat();
  return all.find((i) => i && i.family === 'IPv4' && !i.internal)?.address ?? null;
}

test('the agent page on a LAN village node sends the node\'s access key', async ({ page }, info) => {
  const host = lanAddress();
  test.skip(host === null, 'this machine has no non-loopback IPv4 address');
  const data = mkdtempSync(path.join(os.tmpdir(), 'village-lan-'));
  let node: Proc | null = null;
  try {
    node = await startNode(data, await freePort(), host!);
    const link = /(http:\/\/\S+\/#key=[0-9a-f]{64})/.exec(node.output())?.[1];
    expect(link, 'the node prints its access link').toBeDefined();

    // Without the key: the node refuses the page's calls and the page says what to do.
    await page.goto(`${node.base}/`);
    await expect(page.getByTestId('agent-status')).toContainText('还没有本机代办服务的访问密钥');
    await expect(page.getByTestId('node-key-form')).toBeVisible();
    await page.screenshot({ path: info.outputPath('1-locked.png'), fullPage: true });
    await page.getByLabel('访问链接或密钥').fill('http://example/#key=123');
    await page.getByRole('button', { name: '确定' }).click();
    await expect(page.getByRole('alert')).toContainText('无法识别');
    await page.getByLabel('访问链接或密钥').fill(link!);
    await page.getByRole('button', { name: '确定' }).click();
    await expect(page.getByTestId('agent-status')).toContainText('本机尚未与大厅配对');
    await expect(page.getByLabel('配对码')).toBeVisible();

    // With the printed link, in a fresh browser: the key is taken, hidden from the address bar and kept.
    const tablet = await page.context().browser()!.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } });
    const pad = await tablet.newPage();
    await pad.goto(link!);
    await expect(pad.getByTestId('agent-status')).toContainText('本机尚未与大厅配对');
    expect(pad.url()).toBe(`${node.base}/`);
    await pad.reload();
    await expect(pad.getByTestId('agent-status')).toContainText('本机尚未与大厅配对');
    await pad.screenshot({ path: info.outputPath('2-with-key.png'), fullPage: true });
    await tablet.close();
  } finally {
    await node?.stop();
    rmSync(data, { recursive: true, force: true });
  }
});
