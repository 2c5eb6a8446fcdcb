// The avatar the server draws for a username (/avatar/:username), decorative beside the name it shows.
export function Avatar({ username, size = 32 }: { username: string; size?: number }) {
  return (
    <img
      className="avatar"
      src={`/avatar/${encodeURIComponent(username)}`}
      width={size}
      height={size}
      alt=""
      loading="lazy"
      decoding="async"
    />
  );
}
