import { describe, expect, it } from 'vitest';
import {
  isLinuxRoot,
  isWindowsAdministrator,
  parseContainerUser,
} from '../../../src/catalog/ecs/container-user.js';

describe('a container user in every documented form', () => {
  it.each([
    ['app', { user: 'app' }],
    ['1000', { user: '1000' }],
    ['1000:1000', { user: '1000', group: '1000' }],
    ['app:staff', { user: 'app', group: 'staff' }],
    ['1000:staff', { user: '1000', group: 'staff' }],
    ['app:1000', { user: 'app', group: '1000' }],
    [' root : wheel ', { user: 'root', group: 'wheel' }],
    [':1000', { user: '', group: '1000' }],
    ['', { user: '' }],
    [undefined, { user: '' }],
  ])('parses %j', (raw, expected) => {
    expect(parseContainerUser(raw)).toEqual(expected);
  });

  it.each([
    ['root', true],
    ['0', true],
    ['00', true],
    ['0:0', true],
    ['0:1000', true],
    ['root:root', true],
    ['root:1000', true],
    ['1000:0', false],
    ['app:root', false],
    ['1000', false],
    ['10', false],
    ['ROOT', false],
    ['rooted', false],
    ['', false],
  ])('reads %j as Linux root: %s', (raw, root) => {
    expect(isLinuxRoot(parseContainerUser(raw))).toBe(root);
  });

  it.each([
    ['containeradministrator', true],
    ['ContainerAdministrator', true],
    ['CONTAINERADMINISTRATOR', true],
    ['ContainerUser', false],
    ['', false],
  ])('reads %j as the Windows container administrator: %s', (raw, admin) => {
    expect(isWindowsAdministrator(parseContainerUser(raw))).toBe(admin);
  });
});
