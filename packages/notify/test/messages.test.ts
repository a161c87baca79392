import { CATALOG } from '@customs/core';
import { describe, expect, it } from 'vitest';
import { digestMessage, renderMessageText, transitionMessage } from '../src/index.js';
import { transition } from './helpers/transitions.js';

describe('Slack messages', () => {
  it('says what fails, why it matters and how to fix it, with a link to the finding in the API', () => {
    // Act
    const message = transitionMessage(transition('opened'), { apiUrl: 'https://api.customs.example.com/' });
    const text = renderMessageText(message);
    // Assess
    expect(message.text).toBe('High: ECR repositories scan images on push (team/payments-api)');
    expect(text).toContain('New finding · ECR repositories scan images on push');
    expect(text).toContain('*Severity* High');
    expect(text).toContain(
      '*Recommendation* CSA-3: Only approved, known and secure images or code can be deployed.',
    );
    expect(text).toContain('arn:aws:ecr:eu-west-1:111122223333:repository/team/payments-api');
    expect(text).toContain('*Account / region* 111122223333 / eu-west-1');
    expect(text).toContain('Repository team/payments-api has scanOnPush=false');
    const remediation = CATALOG.get('ecr-repository-scan-on-push')?.remediation;
    expect(text).toContain(`*Remediation*\n${remediation?.text}\n\`\`\`${remediation?.cli}\`\`\``);
    expect(message.blocks).toContainEqual({
      type: 'actions',
      elements: [
        expect.objectContaining({
          url: 'https://api.customs.example.com/findings/c0ffee00c0ffee00c0ffee00c0ffee00',
        }),
      ],
    });
  });

  it('says a resolved finding is resolved, without remediation, and links nowhere without an API URL', () => {
    const message = transitionMessage(transition('resolved'));
    const text = renderMessageText(message);
    expect(message.text).toMatch(/^Resolved: ECR repositories scan images on push/);
    expect(text).toContain('no longer fails ecr-repository-scan-on-push: resolved');
    expect(text).not.toContain('Remediation');
    expect(message.blocks.some((block) => block.type === 'actions')).toBe(false);
  });

  it("escapes Slack's mrkdwn characters in values that come from AWS", () => {
    const message = transitionMessage(transition('opened', { message: 'Principal <*> & friends' }));
    expect(JSON.stringify(message.blocks)).toContain('Principal &lt;*&gt; &amp; friends');
  });

  it('digests many transitions: counts per transition, recommendation and severity, then the most severe', () => {
    // Prepare
    const transitions = Array.from({ length: 30 }, (_, index) =>
      transition(index % 10 === 0 ? 'resolved' : 'opened', {
        id: `finding-${index}`,
        resourceName: `repo-${index}`,
        severity: index < 3 ? 'critical' : index < 12 ? 'high' : 'medium',
        recommendation: index % 2 === 0 ? 'CSA-3' : 'CSA-4',
      }),
    );
    // Act
    const message = digestMessage(transitions, { top: 5 });
    const text = renderMessageText(message);
    // Assess
    expect(message.text).toBe('Customs digest: 30 finding changes (27 opened, 3 resolved)');
    expect(text).toContain('*By recommendation* CSA-3: 15\nCSA-4: 15');
    expect(text).toContain('*By severity* critical: 3\nhigh: 9\nmedium: 18');
    const listed = text.split('\n').filter((line) => line.includes(' · `repo-'));
    expect(listed).toHaveLength(5);
    expect(listed.slice(0, 3).every((line) => line.includes('*critical*'))).toBe(true);
    expect(text).toContain('and 25 more');
  });
});
