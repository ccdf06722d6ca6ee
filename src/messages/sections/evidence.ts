import { defineSection } from '../types.js';

/**
 * Messages of section `evidence` (ids prefixed `evidence.`): why an evidence file named in a
 * data pack proves nothing (src/assess/evidence.ts's EvidenceProblem codes), and the warning
 * that carries it.
 */
export const evidence = defineSection({
  zh: {
    'evidence.absolute': (d: { path: string }) => `${d.path} 是绝对路径，证明材料须在数据包内`,
    'evidence.parent': (d: { path: string }) => `${d.path} 含有“..”，会离开数据包`,
    'evidence.outside': (d: { path: string }) => `${d.path} 是指向数据包外的符号链接，未读取`,
    'evidence.not-found': (d: { path: string }) => `${d.path} 不存在`,
    'evidence.not-file': (d: { path: string }) => `${d.path} 不是文件`,
    'evidence.empty': (d: { path: string }) => `${d.path} 是空文件`,
    'evidence.sha256': (d: { path: string }) => `${d.path} 内容与声明的 sha256 不符（被改动或替换）`,
    'evidence.unreadable': (d: { path: string }) => `${d.path} 无法读取`,
    'evidence.too-large': (d: { path: string }) => `${d.path} 超过大小上限，未读取`,
    'evidence.none': (d: { fact: string; documents: string[] }) => `${d.fact} 没有证明材料${d.documents.length ? `（${d.documents.join('、')}）` : ''}`,
    /** A problem's technical detail (an errno code, the file's actual sha256). */
    'evidence.detail': (d: { detail: string }) => `（${d.detail}）`,
    'evidence.warning': (d: { input?: string; fact: string; message: string; items: string[] }) =>
      `${d.input ? `${d.input}：` : ''}${d.fact} 的证明材料：${d.message}${d.items.length ? `（工作标准 ${d.items.join('、')}）` : ''}`,
  },
  en: {
    'evidence.absolute': (d: { path: string }) => `${d.path} is an absolute path; evidence must be inside the pack`,
    'evidence.parent': (d: { path: string }) => `${d.path} has a ".." segment and would leave the pack`,
    'evidence.outside': (d: { path: string }) => `${d.path} is a symlink that resolves outside the pack (not read)`,
    'evidence.not-found': (d: { path: string }) => `${d.path} does not exist`,
    'evidence.not-file': (d: { path: string }) => `${d.path} is not a file`,
    'evidence.empty': (d: { path: string }) => `${d.path} is empty`,
    'evidence.sha256': (d: { path: string }) => `${d.path} does not match its declared sha256 (changed or replaced)`,
    'evidence.unreadable': (d: { path: string }) => `${d.path} cannot be read`,
    'evidence.too-large': (d: { path: string }) => `${d.path} is too large (not read)`,
    'evidence.none': (d: { fact: string; documents: string[] }) => `${d.fact} has no evidence${d.documents.length ? ` (${d.documents.join(', ')})` : ''}`,
    'evidence.detail': (d: { detail: string }) => ` (${d.detail})`,
    'evidence.warning': (d: { input?: string; fact: string; message: string; items: string[] }) =>
      `${d.input ? `${d.input}: ` : ''}evidence for ${d.fact}: ${d.message}${d.items.length ? ` (items ${d.items.join(', ')})` : ''}`,
  },
});
