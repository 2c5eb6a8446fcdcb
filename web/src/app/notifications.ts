// Sound and browser notifications for a new chat or message while the desk's tab is hidden.

let audio: AudioContext | null = null;

/** A short two-note chime made on the spot (no sound file to fetch). */
export function playChime(): void {
  try {
    const Context = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Context) return;
    audio = audio ?? new Context();
    const start = audio.currentTime;
    [880, 1320].forEach((frequency, i) => {
      const osc = audio!.createOscillator();
      const gain = audio!.createGain();
      osc.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + i * 0.15);
      gain.gain.exponentialRampToValueAtTime(0.2, start + i * 0.15 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.15 + 0.3);
      osc.connect(gain).connect(audio!.destination);
      osc.start(start + i * 0.15);
      osc.stop(start + i * 0.15 + 0.32);
    });
  } catch {
    // a browser that refuses audio before a user gesture: the notification still shows
  }
}

export type NotifyPermission = NotificationPermission | 'unsupported';

export function notificationPermission(): NotifyPermission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

export async function askNotificationPermission(): Promise<NotifyPermission> {
  if (typeof Notification === 'undefined') return 'unsupported';
  return Notification.requestPermission();
}

export interface Alert {
  title: string;
  body: string;
  tag: string;
  onClick?: () => void;
}

/** Chime and notify, but only while the agent looks elsewhere: an open desk shows the change itself. */
export function alertAgent(alert: Alert, hidden: boolean = document.hidden): boolean {
  if (!hidden) return false;
  playChime();
  if (notificationPermission() === 'granted') {
    const notification = new Notification(alert.title, { body: alert.body, tag: alert.tag });
    notification.onclick = () => {
      window.focus();
      alert.onClick?.();
      notification.close();
    };
  }
  return true;
}
