// A message's files in the timeline: images drawn inline, other files as a card with a download button.
// Files are fetched with the agent's headers (api/files.ts) and shown from object URLs made of the blobs.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { downloadFile } from '../../../api/files';
import { keys } from '../../../api/keys';
import type { Message } from '../../../api/types';
import { Icon } from '../../../components/Icon';
import { fileSize, messageFiles, type ShownFile } from './files';

function useFile(url: string, enabled = true) {
  return useQuery({ queryKey: keys.file(url), queryFn: () => downloadFile(url), enabled, staleTime: Infinity, gcTime: 60_000 });
}

function useObjectUrl(blob: Blob | undefined): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!blob) return undefined;
    const made = URL.createObjectURL(blob);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [blob]);
  return url;
}

function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function DownloadButton({ file }: { file: ShownFile }) {
  const [wanted, setWanted] = useState(false);
  const data = useFile(file.url, wanted);
  useEffect(() => {
    if (wanted && data.data) {
      save(data.data, file.name);
      setWanted(false);
    }
  }, [wanted, data.data, file.name]);
  return (
    <button
      type="button"
      className="button button-small button-quiet"
      aria-label={`Download ${file.name}`}
      disabled={wanted && data.isFetching}
      onClick={() => (data.data ? save(data.data, file.name) : setWanted(true))}
    >
      <Icon name="download" /> Download
    </button>
  );
}

function ImageFile({ file }: { file: ShownFile }) {
  const data = useFile(file.url);
  const src = useObjectUrl(data.data);
  return (
    <figure className="file file-image">
      {data.isError ? (
        <p className="form-error small" role="alert">
          {file.name}: {data.error.message}
        </p>
      ) : src ? (
        <a href={src} target="_blank" rel="noopener noreferrer" title={`Open ${file.name}`}>
          <img src={src} alt={file.description || file.name} />
        </a>
      ) : (
        <div className="file-image-loading" role="status">
          Loading {file.name}…
        </div>
      )}
      <figcaption>
        <span className="file-name">{file.name}</span> <span className="muted small">{fileSize(file.size)}</span>
        {file.description ? <span className="file-description">{file.description}</span> : null}
      </figcaption>
    </figure>
  );
}

function OtherFile({ file }: { file: ShownFile }) {
  return (
    <div className="file file-card">
      <Icon name="file" />
      <div className="file-card-main">
        <span className="file-name">{file.name}</span>
        <span className="muted small">{[file.type, fileSize(file.size)].filter(Boolean).join(' · ')}</span>
        {file.description ? <span className="file-description">{file.description}</span> : null}
      </div>
      <DownloadButton file={file} />
    </div>
  );
}

export function Attachments({ message }: { message: Message }) {
  const files = messageFiles(message);
  if (!files.length) return null;
  return (
    <div className="files">
      {files.map((file) => (file.image ? <ImageFile key={file.key} file={file} /> : <OtherFile key={file.key} file={file} />))}
    </div>
  );
}
