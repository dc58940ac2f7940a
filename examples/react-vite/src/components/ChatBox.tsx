import { useGenerateFromChat, useQuota } from '@alfie/react';
import { type FormEvent, useState } from 'react';
import { errorMessage } from './errorMessage.js';
import { OrderProgress } from './OrderProgress.js';

interface Message {
  id: number;
  from: 'you' | 'alfie';
  text: string;
}

const HELP = 'Ask for an image, a carousel or a video, e.g. "a 5 slide carousel about coffee for Instagram".';

/**
 * A chat UI of your own over `useGenerateFromChat`: the hook reads each message (intent), keeps the
 * proposal until you say yes, orders it and follows it live. This component only draws.
 */
export function ChatBox({ brandId }: { brandId: string }) {
  const chat = useGenerateFromChat({ brandId, locale: 'en' });
  const { remaining } = useQuota(brandId);
  const [draft, setDraft] = useState('');
  const [messages, setMessages] = useState<Message[]>([{ id: 0, from: 'alfie', text: HELP }]);

  const say = (from: Message['from'], text: string) =>
    setMessages((list) => [...list, { id: list.length, from, text }]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = draft.trim();
    if (!text) return;
    setDraft('');
    say('you', text);
    const waitingForTopic = chat.phase === 'needs-topic';
    const intent = chat.send(text);
    // Generate, confirm, cancel and a topic answer show up in the live bubble below; the rest we answer here.
    if (intent.kind === 'quota') {
      say(
        'alfie',
        remaining
          ? `You have ${remaining.images} images and ${remaining.videos} videos left this month.`
          : 'Loading your quota…',
      );
    } else if (intent.kind === 'library') say('alfie', 'Your visuals are in the gallery below.');
    else if (intent.kind === 'help') say('alfie', HELP);
    else if (intent.kind === 'unknown' && !waitingForTopic)
      say('alfie', `Sorry, I did not get that. ${HELP}`);
  };

  return (
    <div className="chat">
      <ol className="messages">
        {messages.map((message) => (
          <li key={message.id} className={message.from}>
            {message.text}
          </li>
        ))}
        {chat.phase === 'needs-topic' && <li className="alfie">What should it be about?</li>}
        {chat.phase === 'proposing' && (
          <li className="alfie proposal">
            {chat.description}
            <span className="actions">
              <button type="button" onClick={() => void chat.confirm()}>
                Yes, make it
              </button>
              <button type="button" className="link" onClick={chat.cancel}>
                No
              </button>
            </span>
          </li>
        )}
        {chat.phase === 'submitting' && <li className="alfie">Ordering…</li>}
        {chat.phase === 'error' && chat.error && (
          <li className="alfie error">
            {errorMessage(chat.error)}{' '}
            <button type="button" className="link" onClick={chat.cancel}>
              Never mind
            </button>
          </li>
        )}
        {(chat.phase === 'watching' || chat.phase === 'done') && (
          <li className="alfie">
            <OrderProgress order={chat.watch} />
          </li>
        )}
      </ol>
      <form onSubmit={submit} className="chat-input">
        <input
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          placeholder="Make a 5 slide carousel about coffee"
          aria-label="Message"
        />
        <button type="submit">Send</button>
      </form>
    </div>
  );
}
