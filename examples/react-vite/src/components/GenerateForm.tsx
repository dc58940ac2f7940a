import {
  DEFAULT_RATIO,
  FORMATS,
  type Format,
  type GenerateRequest,
  LIMITS,
  RATIOS,
  type Ratio,
} from '@alfie/core';
import { useGenerate, useOrder } from '@alfie/react';
import { type FormEvent, useState } from 'react';
import { errorMessage } from './errorMessage.js';
import { OrderProgress } from './OrderProgress.js';

/** Topic, format, count and ratio; then the order it placed, live. */
export function GenerateForm({ brandId }: { brandId: string }) {
  const [topic, setTopic] = useState('');
  const [format, setFormat] = useState<Format>('carousel');
  const [count, setCount] = useState(5);
  const [ratio, setRatio] = useState<Ratio>(DEFAULT_RATIO.carousel);
  const [duration, setDuration] = useState(8);
  const { generate, status, data, error } = useGenerate();
  const order = useOrder(data?.orderId);

  const changeFormat = (next: Format) => {
    setFormat(next);
    setRatio(DEFAULT_RATIO[next]);
    setCount(next === 'carousel' ? LIMITS.carouselSlides.default : LIMITS.imageCount.default);
  };
  const bounds = format === 'carousel' ? LIMITS.carouselSlides : LIMITS.imageCount;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const request: GenerateRequest =
      format === 'video'
        ? { format, topic, brandId, ratio, duration }
        : { format, topic, brandId, ratio, count };
    // The request leaves here, on submit: never from an effect, so StrictMode cannot send it twice.
    // The order list reloads by itself (live), and a refusal shows from `error`.
    void generate(request);
  };

  return (
    <form className="generate" onSubmit={submit}>
      <label>
        Topic
        <input
          value={topic}
          onChange={(e) => setTopic(e.target.value)}
          required
          maxLength={LIMITS.topicLength.max}
          placeholder="Marketing trends 2025"
        />
      </label>
      <div className="row">
        <label>
          Format
          <select value={format} onChange={(e) => changeFormat(e.target.value as Format)}>
            {FORMATS.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </select>
        </label>
        {format === 'video' ? (
          <label>
            Seconds
            <input
              type="number"
              min={LIMITS.videoDuration.min}
              max={LIMITS.videoDuration.max}
              value={duration}
              onChange={(e) => setDuration(Number(e.target.value))}
            />
          </label>
        ) : (
          <label>
            {format === 'carousel' ? 'Slides' : 'Images'}
            <input
              type="number"
              min={bounds.min}
              max={bounds.max}
              value={count}
              onChange={(e) => setCount(Number(e.target.value))}
            />
          </label>
        )}
        <label>
          Ratio
          <select value={ratio} onChange={(e) => setRatio(e.target.value as Ratio)}>
            {RATIOS.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>
      </div>
      <button type="submit" disabled={status === 'submitting'}>
        {status === 'submitting' ? 'Ordering…' : 'Generate'}
      </button>
      {error && <p className="error">{errorMessage(error)}</p>}
      {status === 'success' && <OrderProgress order={order} />}
    </form>
  );
}
