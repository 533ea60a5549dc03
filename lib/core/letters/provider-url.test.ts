import { describe, expect, it } from 'vitest';
import { chatUrl } from '../../worker/letters/openai';
import { isLoopbackHost, originChanged, providerUrlProblem, urlOrigin } from './provider-url';
import { lettersSchema } from './settings';

describe('provider URLs: https, or http only to this computer', () => {
  it.each([
    'https://openrouter.ai/api/v1',
    'https://llm.api.cloud.yandex.net/v1',
    'https://10.0.0.5:8443/v1',
    'http://localhost:11434/v1',
    'http://LOCALHOST:1234/v1',
    'http://127.0.0.1:1234/v1',
    'http://127.12.0.9/v1',
    'http://[::1]:11434/v1',
    'http://0x7f.0.0.1:11434/v1', // the URL parser writes it 127.0.0.1
  ])('accepts %s', (url) => {
    expect(providerUrlProblem(url)).toBeNull();
    expect(lettersSchema.safeParse({ openai: { baseUrl: url } }).success).toBe(true);
  });

  it.each([
    ['http://attacker.example/v1', /only to this computer.*attacker\.example/],
    ['http://192.168.1.5:11434/v1', /only to this computer/],
    ['http://localhost.attacker.example/v1', /only to this computer/],
    ['http://127.0.0.1.nip.io/v1', /only to this computer/],
    ['http://[::ffff:7f00:1]/v1', /only to this computer/],
    ['ftp://files.example/v1', /"ftp:" is not allowed/],
    ['javascript:alert(1)', /"javascript:" is not allowed/],
    ['https://openrouter.ai@attacker.example/v1', /user name or password/],
    ['not a url', /is not a URL/],
  ])('refuses %s with a clear reason', (url, reason) => {
    expect(providerUrlProblem(url)).toMatch(reason);
    const r = lettersSchema.safeParse({ openai: { baseUrl: url } });
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.error.issues[0]!.path).toEqual(['openai', 'baseUrl']);
      expect(r.error.issues[0]!.message).toMatch(reason);
    }
  });

  it('the model mirror follows the same rule; empty means the default for both', () => {
    expect(lettersSchema.safeParse({ webllm: { modelBaseUrl: 'http://mirror.example' } }).success).toBe(false);
    expect(lettersSchema.safeParse({ webllm: { modelBaseUrl: 'https://hf-mirror.com' } }).success).toBe(true);
    expect(lettersSchema.safeParse({ webllm: { modelBaseUrl: '' }, openai: { baseUrl: '' } }).success).toBe(true);
  });

  it('the client refuses such a URL too, whatever the settings say', () => {
    expect(() => chatUrl('http://attacker.example/v1')).toThrow(/only to this computer/);
    expect(chatUrl('http://localhost:11434/v1/')).toBe('http://localhost:11434/v1/chat/completions');
  });

  it('loopback hosts', () => {
    expect(['localhost', '127.0.0.1', '127.255.255.254', '[::1]'].every(isLoopbackHost)).toBe(true);
    expect(['localhost.example', '128.0.0.1', '::1', '[::2]', '0.0.0.0'].some(isLoopbackHost)).toBe(false);
  });

  it('origin changes: scheme, host or port; not the path', () => {
    expect(urlOrigin('https://openrouter.ai/api/v1')).toBe('https://openrouter.ai');
    expect(originChanged(['https://openrouter.ai/api/v1'], 'https://openrouter.ai/api/v2')).toBe(false);
    expect(originChanged(['https://openrouter.ai/api/v1'], 'https://api.openai.com/v1')).toBe(true);
    expect(originChanged(['http://localhost:11434/v1'], 'http://localhost:1234/v1')).toBe(true);
    expect(originChanged(['http://localhost:11434/v1'], 'https://localhost:11434/v1')).toBe(true);
    // What the key was used with includes the stored URL that no longer reads.
    expect(originChanged(['', 'http://attacker.example/v1'], 'https://openrouter.ai/api/v1')).toBe(true);
    // A URL that never was one had no key sent to it.
    expect(originChanged(['', undefined], 'https://openrouter.ai/api/v1')).toBe(false);
  });
});
