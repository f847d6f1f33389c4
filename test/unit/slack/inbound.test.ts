// Slack command text decoding, the --share flag and reply visibility.
import { describe, expect, it } from 'vitest';
import { decodeCommandText, splitShare, toSlackResponse } from '../../../adapters/slack/inbound.js';

describe('decodeCommandText', () => {
  it('undoes Slack entity encoding, & last', () => {
    expect(decodeCommandText('search &quot;a&amp;b&quot; &lt;!channel&gt; &amp;lt;')).toBe(
      'search &quot;a&b&quot; <!channel> &lt;',
    );
  });

  it('unwraps links, users and channels Slack recognised', () => {
    expect(decodeCommandText('source add <https://charter97.org/rss.php|charter97.org/rss.php>')).toBe(
      'source add https://charter97.org/rss.php',
    );
    expect(decodeCommandText('source add <http://example.org/feed>')).toBe(
      'source add http://example.org/feed',
    );
    expect(decodeCommandText('watch add <@U123|ana> <#C9|general> <!here>')).toBe(
      'watch add @ana #general !here',
    );
  });

  it('leaves plain text alone', () => {
    expect(decodeCommandText('search Łukašenka since:2025-06-01 "potash sanctions"')).toBe(
      'search Łukašenka since:2025-06-01 "potash sanctions"',
    );
  });
});

describe('splitShare', () => {
  it('removes --share anywhere and reports it', () => {
    expect(splitShare('search potash --share')).toEqual({ text: 'search potash', share: true });
    expect(splitShare('--share latest sanctions')).toEqual({ text: 'latest sanctions', share: true });
    expect(splitShare('search "a  b"')).toEqual({ text: 'search "a  b"', share: false });
    expect(splitShare('search --shared')).toEqual({ text: 'search --shared', share: false });
  });
});

describe('toSlackResponse', () => {
  const reply = { lines: ['ok'], buttons: [{ label: 'More', command: 'search potash --page 2' }] };

  it('is ephemeral unless shared or public', () => {
    expect(toSlackResponse(reply, false).response_type).toBe('ephemeral');
    expect(toSlackResponse(reply, true).response_type).toBe('in_channel');
    expect(toSlackResponse({ ...reply, public: true }, false).response_type).toBe('in_channel');
  });

  it('keeps errors private even when shared', () => {
    expect(toSlackResponse({ lines: ['usage: search <query>'], isError: true }, true).response_type).toBe(
      'ephemeral',
    );
  });

  it('carries --share into the buttons of a shared reply', () => {
    const shared = toSlackResponse(reply, true);
    const actions = shared.blocks?.find((block) => block.type === 'actions');
    expect(JSON.stringify(actions)).toContain('"value":"search potash --page 2 --share"');
    const own = toSlackResponse(reply, false);
    expect(JSON.stringify(own.blocks)).toContain('"value":"search potash --page 2"');
    expect(JSON.stringify(own.blocks)).not.toContain('--share');
  });
});
