import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../../src/catalog/index.js';
import { evaluate } from '../../../src/evaluate.js';
import type { EcsTaskDefinition } from '../../../src/types/ecs.js';
import { ecsContainer, sampleTaskDefinition } from '../../helpers/ecs.js';
import { NOW } from '../../helpers/resources.js';

/** The bad input: each task definition below gets a verdict or NOT_APPLICABLE from every task definition check, never ERROR. */
const BAD_INPUT: [string, EcsTaskDefinition][] = [
  ['no containers', sampleTaskDefinition({ containers: [], volumes: [] })],
  [
    'containers without image or name',
    sampleTaskDefinition({ containers: [ecsContainer({ name: '', image: undefined })] }),
  ],
  [
    'user in every documented form',
    sampleTaskDefinition({
      containers: ['app', '1000', '1000:1000', 'app:staff', '1000:staff', 'app:1000', ':', '0:', 'root:'].map(
        (user, index) => ecsContainer({ name: `c${index}`, user }),
      ),
    }),
  ],
  [
    'an unknown network mode',
    sampleTaskDefinition({ networkMode: 'overlay', pidMode: 'weird', ipcMode: '' }),
  ],
  [
    'a Windows task definition',
    sampleTaskDefinition({
      operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE',
      containers: [
        ecsContainer({
          user: 'ContainerUser',
          linuxParameters: { capabilitiesAdd: ['SYS_ADMIN'], capabilitiesDrop: [], devices: [] },
        }),
      ],
    }),
  ],
  ['an undocumented OS family', sampleTaskDefinition({ operatingSystemFamily: 'PLAN9' })],
  [
    'half-empty volumes, mounts and log configurations',
    sampleTaskDefinition({
      volumes: [{}, { efs: {} }, { name: 'h', hostSourcePath: '/' }],
      containers: [
        ecsContainer({
          mountPoints: [{}, { sourceVolume: 'h' }],
          logConfiguration: { options: {} },
          environment: [{ name: '' }, { name: 'X', value: '' }],
          environmentFiles: [{}],
          secrets: [{ name: '' }],
          linuxParameters: { capabilitiesAdd: ['', ' '], capabilitiesDrop: [], devices: [] },
        }),
      ],
    }),
  ],
];

describe('ECS task definition checks on bad input', () => {
  it.each(BAD_INPUT)('judge %s without an ERROR, each with a message', (_, taskDefinition) => {
    // Act
    const findings = evaluate(taskDefinition, { now: NOW });
    // Assess
    expect(findings.map((finding) => finding.checkId).sort()).toEqual(
      CATALOG.byResourceType('ecs-task-definition')
        .map((check) => check.id)
        .sort(),
    );
    for (const finding of findings) {
      expect(['PASS', 'FAIL', 'NOT_APPLICABLE'], `${finding.checkId}: ${finding.message}`).toContain(
        finding.status,
      );
      expect(finding.message.length).toBeGreaterThan(0);
    }
  });

  it('gives the issue’s Windows task definition NOT_APPLICABLE on the Linux checks, with the reason', () => {
    const [, windows] = BAD_INPUT[4] ?? [];
    const byCheck = new Map(evaluate(windows as EcsTaskDefinition, { now: NOW }).map((f) => [f.checkId, f]));
    for (const id of [
      'ecs-task-definition-read-only-root',
      'ecs-task-definition-linux-non-root',
      'ecs-task-definition-capabilities-restricted',
    ]) {
      expect(byCheck.get(id)?.status, id).toBe('NOT_APPLICABLE');
      expect(byCheck.get(id)?.message).toContain('Windows task definition (WINDOWS_SERVER_2022_CORE)');
    }
    expect(byCheck.get('ecs-task-definition-windows-non-admin')?.status).toBe('PASS');
  });

  it('records ERROR, not a verdict, when the containers could not be read', () => {
    const unreadable = sampleTaskDefinition({
      unreadable: { containers: 'AccessDenied: ecs:DescribeTaskDefinition' },
    });
    const findings = evaluate(unreadable, { now: NOW });
    const privileged = findings.find((finding) => finding.checkId === 'ecs-task-definition-no-privileged');
    expect(privileged?.status).toBe('ERROR');
    expect(privileged?.message).toContain('AccessDenied: ecs:DescribeTaskDefinition');
  });
});
