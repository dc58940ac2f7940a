import type { RefObject } from 'preact';
import { useState } from 'preact/hooks';
import { useWidget, useWidgetState } from './context.js';
import { SendIcon } from './icons.js';

/** Suggestions the user can click instead of typing. */
export function Chips({ items }: { items: string[] }) {
  const { conversation } = useWidget();
  return (
    <div class="chips">
      {items.map((item) => (
        <button key={item} type="button" class="chip" onClick={() => void conversation.send(item)}>
          {item}
        </button>
      ))}
    </div>
  );
}

export function Composer({ inputRef }: { inputRef: RefObject<HTMLInputElement> }) {
  const { conversation, t } = useWidget();
  const [text, setText] = useState('');
  const onlyWelcome = useWidgetState((s) => s.messages.length <= 1);

  return (
    <div class="composer">
      {onlyWelcome && <Chips items={t.suggestions} />}
      <form
        class="row"
        onSubmit={(event) => {
          event.preventDefault();
          setText('');
          void conversation.send(text);
          inputRef.current?.focus();
        }}
      >
        <input
          ref={inputRef}
          type="text"
          aria-label={t.inputLabel}
          placeholder={t.placeholder}
          value={text}
          maxLength={2000}
          autoComplete="off"
          onInput={(event) => setText(event.currentTarget.value)}
        />
        <button type="submit" class="send" aria-label={t.send} disabled={!text.trim()}>
          <SendIcon />
        </button>
      </form>
    </div>
  );
}
