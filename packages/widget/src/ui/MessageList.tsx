import { useLayoutEffect, useRef } from 'preact/hooks';
import type { ChatMessage } from '../state/types.js';
import { SocialAnswer } from './Answers.js';
import { useWidget, useWidgetState } from './context.js';
import { ErrorMessage } from './ErrorMessage.js';
import { Extra } from './Extra.js';
import { OrderCard } from './OrderCard.js';
import { ProposalCard } from './ProposalCard.js';

const SOCIAL: string[] = ['greeting', 'thanks', 'ack', 'question'];

/** The conversation: a polite live log, scrolled to the newest message. */
export function MessageList() {
  const { t } = useWidget();
  const messages = useWidgetState((s) => s.messages);
  const busy = useWidgetState((s) => s.busy);
  const orders = useWidgetState((s) => s.orders);
  const log = useRef<HTMLDivElement>(null);
  // Follow new content (messages, arriving slides, loaded images) only while the user is at the bottom.
  const atBottom = useRef(true);
  const follow = () => {
    const element = log.current;
    if (element && atBottom.current) element.scrollTop = element.scrollHeight;
  };
  useLayoutEffect(follow, [messages, busy, orders]);

  return (
    <div
      ref={log}
      class="log"
      role="log"
      aria-live="polite"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable from the keyboard.
      tabIndex={0}
      onScroll={(event) => {
        const { scrollHeight, scrollTop, clientHeight } = event.currentTarget;
        atBottom.current = scrollHeight - scrollTop - clientHeight < 60;
      }}
      onLoadCapture={follow}
    >
      {messages.map((message) => (
        <Message key={message.id} message={message} />
      ))}
      {busy && (
        <div class="msg" role="status" aria-label={t.thinking}>
          <span class="dots" aria-hidden="true">
            <i />
            <i />
            <i />
          </span>
        </div>
      )}
    </div>
  );
}

function Message({ message }: { message: ChatMessage }) {
  const { t } = useWidget();
  switch (message.type) {
    case 'user':
      return <p class="msg user">{message.text}</p>;
    case 'bot':
      // Small talk gets two requests to tap; every other line stands alone.
      return SOCIAL.includes(message.line) ? (
        <SocialAnswer text={t[message.line]} />
      ) : (
        <p class="msg">{t[message.line]}</p>
      );
    case 'proposal':
      return <ProposalCard message={message} />;
    case 'order':
      return <OrderCard orderId={message.orderId} draft={message.draft} reused={!!message.reusedFrom} />;
    case 'quota':
      return <Extra name="QuotaAnswer" props={{ quota: message.quota }} />;
    case 'library':
      return <Extra name="LibraryAnswer" props={{ entries: message.entries }} />;
    case 'help':
      return <Extra name="HelpAnswer" props={{}} />;
    case 'error':
      return <ErrorMessage error={message.error} retry={message.retry} />;
    case 'orderCanceled':
      return <p class="msg">{t.canceledOrder(message.kept, message.expected)}</p>;
    case 'redo':
      return <p class="msg">{t.redoing(message.slide)}</p>;
  }
}
