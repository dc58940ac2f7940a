import { DEFAULT_RATIO, FORMATS, type Format, LIMITS, RATIOS, type Ratio } from '@alfie/core';
import { type OrderRequest, useGenerate, useOrder } from '@alfie/react';
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
    const request: OrderRequest =
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
        <Choice label="Format" value={format} options={FORMATS} onChange={changeFormat} />
        {format === 'video' ? (
          <NumberField
            label="Seconds"
            bounds={LIMITS.videoDuration}
            value={duration}
            onChange={setDuration}
          />
        ) : (
          <NumberField
            label={format === 'carousel' ? 'Slides' : 'Images'}
            bounds={bounds}
            value={count}
            onChange={setCount}
          />
        )}
        <Choice label="Ratio" value={ratio} options={RATIOS} onChange={setRatio} />
      </div>
      <button type="submit" disabled={status === 'submitting'}>
        {status === 'submitting' ? 'Ordering…' : 'Generate'}
      </button>
      {error && <p className="error">{errorMessage(error)}</p>}
      {status === 'success' && <OrderProgress order={order} />}
    </form>
  );
}

/** A labelled select over one of the contract's lists (formats, ratios). */
function Choice<T extends string>(props: {
  label: string;
  value: T;
  options: readonly T[];
  onChange(value: NoInfer<T>): void;
}) {
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(e.target.value as T)}>
        {props.options.map((option) => (
          <option key={option}>{option}</option>
        ))}
      </select>
    </label>
  );
}

/** A labelled number input held within the contract's limits. */
function NumberField(props: {
  label: string;
  bounds: { min: number; max: number };
  value: number;
  onChange(value: number): void;
}) {
  return (
    <label>
      {props.label}
      <input
        type="number"
        min={props.bounds.min}
        max={props.bounds.max}
        value={props.value}
        onChange={(e) => props.onChange(Number(e.target.value))}
      />
    </label>
  );
}
