// The files a message carries, read from its attachments (Rocket.Chat's shape), and their sizes as people
// read them. Pure: the timeline and the search results both show files from these.
import type { Message } from '../../../api/types';

export interface ShownFile {
  key: string;
  name: string;
  url: string;
  image: boolean;
  type?: string;
  size?: number;
  description?: string;
}

/** One entry per file attachment that points at this server's /file-upload/ path; others are not files. */
export function messageFiles(message: Message): ShownFile[] {
  const out: ShownFile[] = [];
  (message.attachments ?? []).forEach((attachment, index) => {
    const url = attachment.image_url ?? attachment.title_link ?? attachment.audio_url ?? attachment.video_url;
    if (!url || !url.startsWith('/file-upload/')) return;
    const fileRef = message.files?.[index] ?? (index === 0 ? message.file : undefined);
    const image = !!attachment.image_url;
    out.push({
      key: `${message._id}-${index}`,
      name: attachment.title || fileRef?.name || 'file',
      url,
      image,
      type: attachment.image_type ?? fileRef?.type,
      size: attachment.image_size ?? attachment.size ?? fileRef?.size,
      description: attachment.description,
    });
  });
  return out;
}

/** "812 B", "14 KB", "3.4 MB": sizes in the units (1024) the upload limit is set in. */
export function fileSize(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1).replace(/\.0$/, '') : Math.round(value)} ${units[unit]}`;
}
