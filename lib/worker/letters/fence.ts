/**
 * The tag that fences untrusted text (a vacancy, an employer's message) in a prompt: a label plus random hex, so the
 * fenced text cannot guess the closing tag and "end" the data block early.
 */
export function fenceTag(label: string, random: () => number, hexDigits = 8): string {
  return `${label}-${Array.from({ length: hexDigits }, () => Math.floor(random() * 16).toString(16)).join('')}`;
}
