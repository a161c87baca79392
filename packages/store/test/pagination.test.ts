import type { Finding } from '@customs/core';
import { useDynamoDbLocal } from '@customs/local/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FindingFilters, FindingsRepository } from '../src/index.js';
import { at, CHECKS, finding, repository } from './helpers/findings.js';
import { repositoryOn } from './helpers/repository.js';

const dynamo = useDynamoDbLocal();

/** 250 failing repositories (every fifth in another account) and 40 passing ones. */
const FAILING: Finding[] = Array.from({ length: 250 }, (_, index) =>
  finding(
    CHECKS.scanOnPush,
    repository(
      `paged/repo-${String(index).padStart(3, '0')}`,
      index % 5 === 0 ? '444455556666' : '111122223333',
    ),
    'FAIL',
    at(0),
  ),
);
const PASSING: Finding[] = Array.from({ length: 40 }, (_, index) =>
  finding(CHECKS.tagImmutability, repository(`paged/repo-${String(index).padStart(3, '0')}`), 'PASS', at(0)),
);

let store: FindingsRepository;
beforeAll(async () => {
  store = repositoryOn(dynamo, { concurrency: 16 }).repository;
  await store.applyEvaluation([...FAILING, ...PASSING]);
});

async function pages(filters: FindingFilters, limit: number): Promise<string[][]> {
  const seen: string[][] = [];
  let cursor: string | undefined;
  do {
    const page = await store.listFindings({ ...filters, limit, cursor });
    seen.push(page.items.map((each) => each.id));
    cursor = page.cursor;
  } while (cursor !== undefined);
  return seen;
}

describe('FindingsRepository pagination', () => {
  it('returns each of 250 failing findings exactly once with limit 100', async () => {
    const seen = await pages({ status: 'FAIL' }, 100);
    expect(seen.slice(0, 3).map((page) => page.length)).toEqual([100, 100, 50]);
    expect(seen.flat()).toHaveLength(250);
    expect(new Set(seen.flat())).toEqual(new Set(FAILING.map((each) => each.id)));
  });

  it('returns every finding once across status partitions', async () => {
    const seen = (await pages({}, 100)).flat();
    expect(seen).toHaveLength(290);
    expect(new Set(seen)).toEqual(new Set([...FAILING, ...PASSING].map((each) => each.id)));
    expect(seen.slice(0, 250).every((id) => FAILING.some((each) => each.id === id))).toBe(true);
  });

  it('fills pages with filtered matches and still returns each once', async () => {
    const seen = await pages({ status: 'FAIL', accountId: '444455556666' }, 20);
    const expected = FAILING.filter((each) => each.accountId === '444455556666').map((each) => each.id);
    expect(seen.flat()).toHaveLength(50);
    expect(new Set(seen.flat())).toEqual(new Set(expected));
    expect(seen.slice(0, 2).map((page) => page.length)).toEqual([20, 20]);
  });
});
