import { describe, expect, it } from 'vitest';
import { notLinux, osFamilyOf } from '../../../src/catalog/ecs/os-family.js';
import { sampleTaskDefinition } from '../../helpers/ecs.js';

describe('the operating system family of a task definition', () => {
  it.each([
    [undefined, 'unset'],
    ['', 'unset'],
    ['LINUX', 'linux'],
    ['linux', 'linux'],
    ['WINDOWS_SERVER_2022_CORE', 'windows'],
    ['WINDOWS_SERVER_2019_FULL', 'windows'],
    ['MACOS', 'unknown'],
  ])('reads %j as %s', (operatingSystemFamily, family) => {
    expect(osFamilyOf(sampleTaskDefinition({ operatingSystemFamily }))).toBe(family);
  });

  it('says why a Linux-only check does not apply to Windows or an undocumented family', () => {
    const windows = sampleTaskDefinition({ operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' });
    expect(notLinux(windows, 'the check')).toBe(
      'Task definition hello_world:8 is a Windows task definition (WINDOWS_SERVER_2022_CORE): the check applies to Linux containers only',
    );
    expect(notLinux(sampleTaskDefinition({ operatingSystemFamily: 'MACOS' }), 'the check')).toContain(
      'neither LINUX nor WINDOWS_SERVER_*',
    );
    expect(notLinux(sampleTaskDefinition(), 'the check')).toBeUndefined();
  });
});
