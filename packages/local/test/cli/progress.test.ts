import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type MockedAws, mockAws } from '../../../aws/test/live/helpers/mock-aws.js';
import { readSnapshotDir } from '../../../aws/test/live/helpers/snapshot-files.js';
import { CallCounts, callsLine, progressLine } from '../../src/cli/format/progress.js';
import { main } from '../../src/cli/main.js';
import { DEMO, runCli } from './run-cli.js';

const ERASE = '\r\u001b[K';

/** A stream that is a TTY of `columns` columns (or not), as process.stderr is. */
class Stream extends Writable {
  text = '';
  constructor(
    readonly isTTY: boolean,
    readonly columns = 80,
  ) {
    super();
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

describe('progress lines', () => {
  it('counts the calls answered per region and service, IAM once for all regions', () => {
    // Prepare
    const counts = new CallCounts();
    // Act
    const empty = callsLine(counts);
    counts.add('eu-west-1', 'ecr/DescribeRepositories.json');
    counts.add('eu-west-1', 'ecr/DescribeImages/team%2Fapi.json');
    counts.add('eu-west-1', 'eks/ListClusters.json');
    counts.add('us-east-1', 'iam/GetAccountAuthorizationDetails.json');
    counts.add('us-east-2', 'ecr/DescribeRepositories.json');
    // Assess
    expect(empty).toBe('reading AWS…');
    expect(callsLine(counts)).toBe(
      'reading AWS: eu-west-1 ecr 2 · eks 1 | iam 1 | us-east-2 ecr 1 (5 calls answered)',
    );
  });

  it('rewrites one line in place on a TTY, cut to its width and escaped, and erases it; writes nothing elsewhere', () => {
    const tty = new Stream(true, 20);
    const pipe = new Stream(false);
    for (const stream of [tty, pipe]) {
      const line = progressLine(stream, {});
      line.update('reading AWS: eu-west-1 ecr 12 · eks 4');
      line.update('evil\u001b]0;title\u0007');
      line.clear();
      line.clear();
    }
    expect(tty.text).toBe(`${ERASE}reading AWS: eu-we…${ERASE}evil\\u001b]0;title…${ERASE}`);
    expect(pipe.text).toBe('');
    const dumb = new Stream(true);
    progressLine(dumb, { TERM: 'dumb' }).update('reading');
    expect(dumb.text).toBe('');
  });
});

describe('customs scan --aws progress', () => {
  let aws: MockedAws | undefined;
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-11-28T12:00:00Z'), toFake: ['Date'] });
  });
  afterEach(async () => {
    vi.useRealTimers();
    await aws?.restore();
  });

  it('shows the calls answered per region and service on a terminal, then erases the line; stdout stays clean', async () => {
    // Prepare: the demo account served by (mocked) AWS in two regions, its clusters' Kubernetes APIs on loopback
    aws = mockAws(readSnapshotDir(DEMO), { serveKubernetes: true });
    const out = new Stream(false);
    const err = new Stream(true, 200);
    // Act
    const code = await main(
      ['scan', '--aws', '--region', 'eu-west-1', '--region', 'us-east-2', '--format', 'json'],
      out,
      err,
    );
    // Assess
    expect(code).toBe(0);
    // legacy's API denies (it has no Kubernetes files): its warning comes after the erased line
    const [progress, warnings] = splitAtLast(err.text, ERASE);
    expect(warnings).toMatch(/^(warning: k8s:GetVersion \(legacy\) failed: [^\n]*403[^\n]*\n){2}$/);
    const updates = progress.split(ERASE).filter(Boolean);
    expect(updates[0]).toBe('reading AWS…');
    expect(updates.length).toBeGreaterThan(10);
    const last = updates.at(-1) ?? '';
    expect(last).toMatch(/^reading AWS: .* \(\d+ calls answered\)$/);
    // k8s: prod's GET /version and 13 lists (legacy's denied GET /version is no answer)
    for (const region of ['eu-west-1', 'us-east-2'])
      expect(last).toMatch(
        new RegExp(`(^reading AWS: | \\| )${region} ecr \\d+ · eks \\d+ · ecs \\d+ · ec2 \\d+ · k8s 14 `),
      );
    expect(last).toMatch(/ \| iam \d+( \||.* \()/);
    const answered = Number(/\((\d+) calls answered\)$/.exec(last)?.[1]);
    expect(answered).toBe(updates.length - 1);
    expect(out.text).not.toContain('\r');
    expect(JSON.parse(out.text)).toHaveProperty('findings');
  });

  it('prints no progress when stderr is not a terminal', async () => {
    aws = mockAws(readSnapshotDir(DEMO), { serveKubernetes: true });
    const { code, stderr } = await runCli('scan', '--aws', '--region', 'eu-west-1', '--format', 'json');
    expect(code).toBe(0);
    expect(stderr).toMatch(/^warning: k8s:GetVersion \(legacy\) failed: [^\n]*\n$/);
  });
});

/** The text before the last `separator` (included) and after it. */
function splitAtLast(text: string, separator: string): [string, string] {
  const at = text.lastIndexOf(separator) + separator.length;
  return [text.slice(0, at), text.slice(at)];
}
