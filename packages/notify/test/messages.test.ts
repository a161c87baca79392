import { CATALOG } from '@customs/core';
import { describe, expect, it } from 'vitest';
import { digestMessage, renderMessageText, type SlackMessage, transitionMessage } from '../src/index.js';
import { transition } from './helpers/transitions.js';

/** Control characters (but line feeds) and lone surrogates left in a text, by code. */
function rawControls(text: string): number[] {
  return [...text]
    .filter((char) => {
      const code = char.charCodeAt(0);
      const lone = char.length === 1 && code >= 0xd800 && code <= 0xdfff;
      return (code < 0x20 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f) || lone;
    })
    .map((char) => char.charCodeAt(0));
}

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

  it('lets no resource name, ARN or message ping a channel, forge a link, reach a terminal raw or run long', () => {
    // Prepare: what an account could name a resource, and a huge failing value
    const hostile = {
      resourceName: '<!channel> @here @Everyone <https://evil.example|click me> \u001b[2J\u0007',
      resourceId: `arn:aws:ecr:eu-west-1:111122223333:repository/<@U024BE7LH>${'x'.repeat(5000)}`,
      message: `line one\nline two <!here|here> \u001b[1;31mALL CHECKS PASSED ${'y'.repeat(1_000_000)}`,
      accountId: '<#C024BE7LR>',
      id: 'c0ffee\ud800',
    };
    // Act
    const messages = [
      transitionMessage(transition('opened', hostile), { apiUrl: 'https://api.customs.example.com' }),
      digestMessage([transition('opened', hostile), transition('resolved', { id: 'other' })], {
        apiUrl: 'https://api.customs.example.com',
      }),
    ];
    // Assess
    for (const message of messages) {
      const texts = [
        message.text,
        ...message.blocks.flatMap((block) =>
          block.type === 'section'
            ? [...(block.text ? [block.text] : []), ...(block.fields ?? [])]
            : block.type === 'context' || block.type === 'header'
              ? 'elements' in block
                ? block.elements
                : [block.text]
              : [],
        ),
      ].map((text) => (typeof text === 'string' ? { type: 'fallback', text } : text));
      const json = JSON.stringify(message);
      expect(json).not.toMatch(/<[!@#]|<https?:\/\/evil/);
      expect(json.toLowerCase()).not.toMatch(/@(here|channel|everyone)/);
      expect(json.length).toBeLessThan(12_000);
      for (const text of texts) {
        if (text.type === 'mrkdwn') expect(text).toMatchObject({ verbatim: true });
        expect(text.text.length).toBeLessThanOrEqual(3000);
        expect(rawControls(text.text)).toEqual([]);
      }
    }
    const [finding] = messages;
    const shown = renderMessageText(finding as SlackMessage);
    expect(shown).toContain('\\u001b[2J');
    expect(shown).toContain('line one\nline two');
    expect(shown).toMatch(/y… \(\d+ more characters\)/);
    expect(shown).toContain('/findings/c0ffee%EF%BF%BD');
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
