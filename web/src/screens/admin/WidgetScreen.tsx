// The widget: what visitors see (Rocket.Chat's Livechat_* widget settings) and the snippet to install it.
import { useState } from 'react';
import { AdminPage } from './parts';
import { SettingsForm, type SettingField } from './SettingsForm';
import { installSnippet } from './snippet';

const FIELDS: SettingField[] = [
  { id: 'Livechat_enabled', label: 'The widget is on', kind: 'boolean' },
  { id: 'Livechat_title', label: 'Title', kind: 'string' },
  { id: 'Livechat_title_color', label: 'Title colour', kind: 'color' },
  { id: 'Livechat_show_agent_info', label: 'Show the agent’s name', kind: 'boolean' },
  { id: 'Livechat_show_agent_email', label: 'Show the agent’s email', kind: 'boolean' },
  { id: 'Livechat_fileupload_enabled', label: 'Visitors may send files', kind: 'boolean' },
  { id: 'Livechat_enable_transcript', label: 'Offer the transcript by email', kind: 'boolean' },
  { id: 'Livechat_display_offline_form', label: 'Show the offline form when no agent is online', kind: 'boolean' },
  { id: 'Livechat_offline_title', label: 'Offline title', kind: 'string' },
  { id: 'Livechat_offline_title_color', label: 'Offline title colour', kind: 'color' },
  { id: 'Livechat_offline_message', label: 'Offline message', kind: 'text' },
  { id: 'Livechat_offline_success_message', label: 'Message after an offline message is sent', kind: 'text' },
];

function Snippet() {
  const snippet = installSnippet(window.location.origin);
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      setCopied('Copied to the clipboard');
    } catch {
      setCopied('Copying was refused: select the text and copy it');
    }
  };
  return (
    <section className="admin-snippet" aria-labelledby="snippet-title">
      <h2 id="snippet-title">Install the widget</h2>
      <p className="muted">Paste this before the closing &lt;/body&gt; tag of every page that should offer the chat.</p>
      <textarea readOnly rows={9} aria-label="Install snippet" value={snippet} onFocus={(e) => e.target.select()} />
      <div className="admin-form-actions">
        <button type="button" className="button button-primary button-small" onClick={() => void copy()}>
          Copy snippet
        </button>
        {copied ? <span role="status">{copied}</span> : null}
      </div>
    </section>
  );
}

export function WidgetScreen() {
  return (
    <AdminPage title="Widget" intro="What visitors see on your website, and how to put it there.">
      <div className="admin-columns">
        <SettingsForm name="Widget settings" fields={FIELDS} />
        <Snippet />
      </div>
    </AdminPage>
  );
}
