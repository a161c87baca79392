import { fileURLToPath } from 'node:url';
import type { EcrImage } from '@customs/core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AwsCollector,
  type ImageFacts,
  type ImageReadLedger,
  isDue,
  slotStart,
  snapshotPath,
} from '../../src/index.js';
import { type MockedAws, mockAws } from '../live/helpers/mock-aws.js';
import { readSnapshotDir, type SnapshotFiles } from '../live/helpers/snapshot-files.js';

const DEMO = fileURLToPath(new URL('../../../local/snapshots/demo/', import.meta.url));
const REGION = 'eu-west-1';
const PER_IMAGE = ['ecr:DescribeImageSigningStatus', 'ecr:ListImageReferrers'];
const DAY = 86_400_000;
const NODE_BASE = 'platform/node-base';
const SIGNED = 'sha256:9067710ca6b58a35825af65a33b63b794b57362ed74006a33c72e0238ba90cf7';

/** A ledger in memory, as the findings store keeps it: facts by repository and digest. */
class MemoryLedger implements ImageReadLedger {
  readonly byRepository = new Map<string, Map<string, ImageFacts>>();
  failing = false;

  async imageReadsOf(repositoryArn: string): Promise<ImageFacts[]> {
    if (this.failing) throw new Error('ProvisionedThroughputExceededException: slow down');
    return [...(this.byRepository.get(repositoryArn)?.values() ?? [])];
  }

  async recordImageReads(repositoryArn: string, read: readonly ImageFacts[], gone: readonly string[]) {
    const facts = this.byRepository.get(repositoryArn) ?? new Map<string, ImageFacts>();
    for (const each of read) facts.set(each.digest, each);
    for (const digest of gone) facts.delete(digest);
    this.byRepository.set(repositoryArn, facts);
  }

  digests(): string[] {
    return [...this.byRepository.values()].flatMap((facts) => [...facts.keys()]).sort();
  }
}

/**
 * The demo account's ECR alone: its deployments' image reads (ECS, Kubernetes) ask for their
 * running images' signing status and referrers themselves, once per sweep.
 */
function demoEcr(): SnapshotFiles {
  return new Map([...readSnapshotDir(DEMO)].filter(([path]) => path.startsWith('ecr/')));
}

let aws: MockedAws | undefined;
afterEach(() => aws?.restore());

async function open(files: SnapshotFiles) {
  aws = mockAws(files, { emptyWhenMissing: PER_IMAGE });
  return AwsCollector.open({ region: REGION, clients: aws.clients(REGION) });
}

/** The images a per-image call was made for, `<repository>@<digest>`, sorted. */
function perImageReads(): string[] {
  return (aws?.sent ?? [])
    .filter((command) => command.action === 'ecr:DescribeImageSigningStatus')
    .map((command) => {
      const input = command.input as { repositoryName?: string; imageId?: { imageDigest?: string } };
      return `${input.repositoryName}@${input.imageId?.imageDigest}`;
    })
    .sort();
}

const imagesOf = (resources: { type: string }[]) =>
  resources.filter((resource): resource is EcrImage => resource.type === 'ecr-image');

describe('the incremental sweep: per-image reads only for new, changed or due images', () => {
  it('reads every image on the first sweep; a second sweep asks nothing per image and gives the same images', async () => {
    // Prepare
    const ledger = new MemoryLedger();
    const collector = await open(demoEcr());
    const now = new Date('2026-12-01T06:00:00.000Z');

    // Act
    const first = await collector.collectAll({ imageReads: { ledger, now } });
    const firstReads = perImageReads();
    aws?.sent.splice(0);
    const second = await collector.collectAll({
      imageReads: { ledger, now: new Date(now.getTime() + 3_600_000) },
    });

    // Assess: each image read once, then none; the skipped images keep the facts read
    const images = imagesOf(first.resources);
    expect(images.length).toBeGreaterThan(5);
    expect(firstReads).toEqual(images.map((image) => `${image.repositoryName}@${image.digest}`).sort());
    expect(ledger.digests()).toEqual(images.map((image) => image.digest).sort());
    expect(aws?.sent.filter((command) => PER_IMAGE.includes(command.action))).toEqual([]);
    expect(aws?.sent.some((command) => command.action === 'ecr:DescribeImages')).toBe(true);
    expect(imagesOf(second.resources)).toEqual(images);
    expect(images.find((image) => image.digest === SIGNED)?.signingStatus).toBe('COMPLETE');
    expect(images.some((image) => image.referrerArtifactTypes.length > 0)).toBe(true);
  });

  it('reads a digest pushed since, and forgets one deleted', async () => {
    // Prepare: a first sweep, then a new image in node-base and one of its images gone
    const files = demoEcr();
    const ledger = new MemoryLedger();
    const now = new Date('2026-12-01T06:00:00.000Z');
    await (await open(files)).collectAll({ imageReads: { ledger, now } });
    await aws?.restore();
    const path = snapshotPath('ecr', 'DescribeImages', NODE_BASE);
    const listed = files.get(path) as { imageDetails: Record<string, unknown>[] };
    const [kept, deleted] = listed.imageDetails;
    const pushed = `sha256:${'ab'.repeat(32)}`;
    files.set(path, { imageDetails: [kept, { ...kept, imageDigest: pushed, imageTags: ['v9'] }] });

    // Act
    const collector = await open(files);
    const { resources } = await collector.collectAll({
      imageReads: { ledger, now: new Date(now.getTime() + 60_000) },
    });

    // Assess
    expect(perImageReads()).toEqual([`${NODE_BASE}@${pushed}`]);
    expect(ledger.digests()).toContain(pushed);
    expect(ledger.digests()).not.toContain(deleted?.imageDigest);
    expect(imagesOf(resources).find((image) => image.digest === pushed)?.referrerArtifactTypes).toEqual([]);
  });

  it('re-reads each image on its day: with a 7-day period, over a week of daily sweeps every image once, spread over the days', async () => {
    // Prepare
    const ledger = new MemoryLedger();
    const collector = await open(demoEcr());
    const start = Date.parse('2026-12-01T06:00:00.000Z');
    const first = await collector.collectAll({ imageReads: { ledger, now: new Date(start) } });

    // Act: seven daily sweeps
    const reads: string[] = [];
    for (let day = 1; day <= 7; day++) {
      aws?.sent.splice(0);
      await collector.collectAll({
        imageReads: { ledger, now: new Date(start + day * DAY), periodDays: 7 },
      });
      reads.push(...perImageReads());
    }

    // Assess: each image re-read exactly once in the week
    const all = imagesOf(first.resources).map((image) => `${image.repositoryName}@${image.digest}`);
    expect(reads.sort()).toEqual(all.sort());
  });

  it('does not re-read an image an event read on or after its day, and catches up a missed day', async () => {
    // Prepare: a digest, its latest re-read day, and a read just before it began
    const digest = SIGNED;
    const now = new Date('2026-12-01T06:00:00.000Z');
    const day = slotStart(digest, now, 7);
    // Assess
    expect(day).toBeLessThanOrEqual(now.getTime());
    expect(now.getTime() - day).toBeLessThan(7 * DAY);
    expect(isDue(digest, new Date(day - 1).toISOString(), now, 7)).toBe(true);
    expect(isDue(digest, new Date(day).toISOString(), now, 7)).toBe(false);
    // a read eight days ago is due whatever the day; with the default period (60), 61 days
    expect(isDue(digest, new Date(now.getTime() - 8 * DAY).toISOString(), now, 7)).toBe(true);
    expect(isDue(digest, new Date(now.getTime() - 61 * DAY).toISOString(), now)).toBe(true);
    expect(isDue(digest, 'not a date', now)).toBe(true);
  });

  it('spreads 7,000 digests evenly over the seven days', () => {
    // Prepare
    const now = new Date('2026-12-07T00:00:00.000Z');
    const counts = new Map<number, number>();
    // Act
    for (let index = 0; index < 7000; index++) {
      const digest = `sha256:${index.toString(16).padStart(8, '0')}${'0'.repeat(56)}`;
      const day = slotStart(digest, now, 7);
      counts.set(day, (counts.get(day) ?? 0) + 1);
    }
    // Assess
    expect(counts.size).toBe(7);
    for (const count of counts.values()) expect(count).toBeGreaterThan(850);
  });

  it('records what an event re-read, so the next sweep does not read it again', async () => {
    // Prepare
    const ledger = new MemoryLedger();
    const collector = await open(demoEcr());
    const now = new Date('2026-12-01T06:00:00.000Z');
    const ref = { type: 'ecr-image' as const, name: SIGNED, parent: NODE_BASE, region: REGION };

    // Act
    const event = await collector.collect([ref], { imageReads: { ledger, now } });
    aws?.sent.splice(0);
    await collector.collectAll({ imageReads: { ledger, now: new Date(now.getTime() + 60_000) } });

    // Assess
    expect(imagesOf(event.resources).map((image) => image.signingStatus)).toEqual(['COMPLETE']);
    expect(perImageReads()).not.toContain(`${NODE_BASE}@${SIGNED}`);
    expect(perImageReads().length).toBeGreaterThan(0);
  });

  it('re-reads the subject of a referrer added or removed (a change to the listing), and only it', async () => {
    // Prepare: a first sweep; then a signature of node-base's first image listed in its repository
    // (a referrer is a manifest of the same repository, DescribeImages gives its subject's digest)
    const files = demoEcr();
    const ledger = new MemoryLedger();
    const now = new Date('2026-12-01T06:00:00.000Z');
    await (await open(files)).collectAll({ imageReads: { ledger, now } });
    await aws?.restore();
    const path = snapshotPath('ecr', 'DescribeImages', NODE_BASE);
    const before = files.get(path) as { imageDetails: Record<string, unknown>[] };
    const subject = String(before.imageDetails[0]?.imageDigest);
    const signature = `sha256:${'5e'.repeat(32)}`;
    const withSignature = [
      ...before.imageDetails,
      {
        registryId: '111122223333',
        repositoryName: NODE_BASE,
        imageDigest: signature,
        imageManifestMediaType: 'application/vnd.oci.image.manifest.v1+json',
        artifactMediaType: 'application/vnd.cncf.notary.signature',
        subjectManifestDigest: subject,
        imageStatus: 'ACTIVE',
      },
    ];
    files.set(path, { imageDetails: withSignature });

    // Act: the next sweep, then one after the signature is deleted, then one with nothing changed
    const collector = await open(files);
    await collector.collectAll({ imageReads: { ledger, now: new Date(now.getTime() + 60_000) } });
    const added = perImageReads();
    aws?.sent.splice(0);
    files.set(path, before);
    await collector.collectAll({ imageReads: { ledger, now: new Date(now.getTime() + 120_000) } });
    const removed = perImageReads();
    aws?.sent.splice(0);
    await collector.collectAll({ imageReads: { ledger, now: new Date(now.getTime() + 180_000) } });

    // Assess: the signature and its subject, then its subject alone, then nothing
    expect(added).toEqual([`${NODE_BASE}@${signature}`, `${NODE_BASE}@${subject}`].sort());
    expect(removed).toEqual([`${NODE_BASE}@${subject}`]);
    expect(perImageReads()).toEqual([]);
  });

  it('re-reads an image whose signing was IN_PROGRESS at every sweep, and legacy facts without a listing', async () => {
    // Prepare: the ledger of a first sweep, one image's signing status recorded IN_PROGRESS and
    // another's facts recorded before listings were kept
    const ledger = new MemoryLedger();
    const collector = await open(demoEcr());
    const now = new Date('2026-12-01T06:00:00.000Z');
    const first = await collector.collectAll({ imageReads: { ledger, now } });
    const [signing, legacy] = imagesOf(first.resources);
    for (const [image, change] of [
      [signing, (facts: ImageFacts) => ({ ...facts, signingStatus: 'IN_PROGRESS' })],
      [legacy, ({ listed: _listed, ...facts }: ImageFacts) => facts],
    ] as const) {
      const facts = ledger.byRepository.get(image?.repositoryArn ?? '');
      const recorded = facts?.get(image?.digest ?? '');
      if (!facts || !recorded) throw new Error('not recorded');
      facts.set(recorded.digest, change(recorded));
    }
    aws?.sent.splice(0);

    // Act
    await collector.collectAll({ imageReads: { ledger, now: new Date(now.getTime() + 60_000) } });

    // Assess: those two only
    expect(perImageReads()).toEqual(
      [signing, legacy].map((image) => `${image?.repositoryName}@${image?.digest}`).sort(),
    );
  });

  it('reads every image, with a warning, when the ledger cannot be read; keeps no unreadable fact', async () => {
    // Prepare
    const ledger = new MemoryLedger();
    const files = demoEcr();
    aws = mockAws(files, { emptyWhenMissing: PER_IMAGE, deny: ['ecr:ListImageReferrers'] });
    const collector = await AwsCollector.open({ region: REGION, clients: aws.clients(REGION) });
    const now = new Date('2026-12-01T06:00:00.000Z');

    // Act
    const denied = await collector.collectAll({ imageReads: { ledger, now } });
    ledger.failing = true;
    aws.sent.splice(0);
    const unknown = await collector.collectAll({ imageReads: { ledger, now } });

    // Assess
    expect(ledger.digests()).toEqual([]);
    expect(perImageReads()).toHaveLength(imagesOf(denied.resources).length);
    expect(unknown.warnings.some((warning) => warning.includes('unknown (every image read)'))).toBe(true);
  });
});
