import type { RefObject } from 'preact';
import { useState } from 'preact/hooks';
import { useWidget, useWidgetState } from './context.js';
import { SendIcon } from './icons.js';

export function Composer({ inputRef }: { inputRef: RefObject<HTMLInputElement> }) {
  const { conversation, t } = useWidget();
  const [text, setText] = useState('');
  const onlyWelcome = useWidgetState((s) => s.messages.length <= 1);

  const send = (value: string) => {
    setText('');
    void conversation.send(value);
    inputRef.current?.focus();
  };

  return (
    <div class="composer">
      {onlyWelcome && (
        <div class="chips">
          {t.suggestions.map((suggestion) => (
            <button key={suggestion} type="button" class="chip" onClick={() => send(suggestion)}>
              {suggestion}
            </button>
          ))}
        </div>
      )}
      <form
        class="compose-row"
        onSubmit={(event) => {
          event.preventDefault();
          if (text.trim()) send(text);
        }}
      >
        <input
          ref={inputRef}
          class="input"
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
