import type { ScoringRequest } from "./types";

/**
 * Phrases that address the scorer rather than answer the task. They are reported, never
 * obeyed: the text is still scored as writing, which is also where such phrases cost marks.
 */
const INJECTION_PATTERNS: readonly RegExp[] = [
  /\b(ignore|disregard|forget|override|bypass)\s+(all\s+|any\s+)?(of\s+)?(the\s+|your\s+|my\s+|these\s+|those\s+)?(previous\s+|prior\s+|above\s+|earlier\s+|preceding\s+|system\s+|original\s+)?(instructions?|rules|prompts?|directions|guidelines|rubric)\b/gi,
  /\b(give|award|assign|grade|mark|rate|score)\s+(me\s+|this\s+(essay|answer|response|text)\s+|it\s+)?(an?\s+)?(overall\s+)?(band\s*(score\s*)?(of\s+)?)(9|nine|8\.5)\b/gi,
  /\bband\s*(score\s*)?(of\s+)?(9|nine)\s+(for|to)\s+(me|this|my)\b/gi,
  /\byou\s+are\s+now\b/gi,
  /\b(system|developer)\s+(prompt|message|instructions?)\b/gi,
  /\b(pretend|act|behave|roleplay|role-play)\s+(to\s+be\s+|as\s+(if\s+you\s+(are|were)\s+)?)(an?\s+|the\s+)?(examiner|assistant|ai|chatbot|model|developer|admin\w*)\b/gi,
  /\bnew\s+instructions?\s*:/gi,
  /^\s*(system|assistant|user|human|ai)\s*:/gim,
  // Shouted role labels mid-paragraph; lower case would catch "the immune system:".
  /\b(SYSTEM|ASSISTANT)\s*:/g,
  /<\|?\s*\/?\s*(im_start|im_end|system|assistant|user|endoftext)\s*\|?>/gi,
  /\[\s*\/?\s*(INST|SYS|SYSTEM)\s*\]/g,
  /<<\s*\/?\s*SYS\s*>>/g,
  /<\s*\/?\s*(student_\w+|task_prompt|questions)\s*>/gi,
  /^#{2,}\s*(instruction|system|response)s?\b/gim,
];

/** Matched phrases, in order of appearance, each once. Empty when nothing was found. */
export function detectInjection(text: string): string[] {
  const found: { at: number; phrase: string }[] = [];
  for (const pattern of INJECTION_PATTERNS) {
    for (const m of text.matchAll(pattern)) found.push({ at: m.index, phrase: m[0].trim() });
  }
  found.sort((a, b) => a.at - b.at);
  return [...new Set(found.map((f) => f.phrase))];
}

/** The student's own words: the only text that can carry an injection attempt. */
export function studentText(req: ScoringRequest): string {
  return req.kind === "writing" ? req.response : req.transcript;
}

/**
 * Wraps untrusted text in tags the model is told to treat as data. Angle brackets inside the
 * text become look-alike characters, one for one, so the text cannot close the tag early and
 * offsets the model quotes still line up with the original.
 */
export function fence(tag: string, text: string): string {
  return `<${tag}>\n${neutralise(text)}\n</${tag}>`;
}

export function neutralise(text: string): string {
  return text.replace(/</g, "‹").replace(/>/g, "›");
}
