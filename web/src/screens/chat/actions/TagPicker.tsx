// Choose tags from the server's tag list (livechat/tags), as checkboxes anyone can reach by keyboard.
import { useQuery } from '@tanstack/react-query';
import { keys } from '../../../api/keys';
import * as rest from '../../../api/rest';

export function TagPicker({ value, onChange }: { value: string[]; onChange: (tags: string[]) => void }) {
  const tags = useQuery({ queryKey: keys.tags, queryFn: rest.tags, staleTime: 5 * 60_000 });
  const names = Array.from(new Set([...(tags.data ?? []).map((t) => t.name), ...value]));
  if (tags.isPending) return <p className="muted small">Loading tags…</p>;
  if (tags.isError)
    return (
      <p className="form-error small" role="alert">
        Tags could not be loaded: {tags.error.message}
      </p>
    );
  if (!names.length) return <p className="muted small">No tags are defined.</p>;
  return (
    <fieldset className="tags">
      <legend>Tags</legend>
      {names.map((name) => (
        <label key={name} className="tag-option">
          <input
            type="checkbox"
            checked={value.includes(name)}
            onChange={(e) => onChange(e.target.checked ? [...value, name] : value.filter((t) => t !== name))}
          />
          <span>{name}</span>
        </label>
      ))}
    </fieldset>
  );
}
