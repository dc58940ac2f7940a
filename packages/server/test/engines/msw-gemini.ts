import { createCanvas } from '@napi-rs/canvas';
import { HttpResponse, http } from 'msw';
import type { Json } from './fixtures.js';

/** A real PNG of the size Gemini 2.5 Flash Image returns for 4:5 (896 × 1088). */
export async function geminiPng(width = 896, height = 1088): Promise<string> {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#0B3D91';
  ctx.fillRect(0, 0, width, height);
  return (await canvas.encode('png')).toString('base64');
}

export const GEMINI_BASE = 'https://generativelanguage.googleapis.com';

export interface RecordedRequest {
  url: string;
  headers: Headers;
  body: Json;
}

/**
 * A scripted generateContent endpoint: each call takes the next reply. The replies follow the
 * documented REST shapes (GenerateContentResponse, google.rpc.Status error bodies).
 */
export function generateContentHandler(
  replies: Array<() => Response | Promise<Response>>,
  seen: RecordedRequest[],
) {
  return http.post(
    /^https:\/\/generativelanguage\.googleapis\.com\/v1(beta)?\/models\//,
    async ({ request }) => {
      seen.push({ url: request.url, headers: request.headers, body: await request.clone().json() });
      const reply = replies[Math.min(seen.length - 1, replies.length - 1)];
      return reply!();
    },
  );
}

export const imageReply =
  (data: string, mimeType = 'image/png') =>
  () =>
    HttpResponse.json({
      candidates: [
        {
          content: { role: 'model', parts: [{ inlineData: { mimeType, data } }] },
          finishReason: 'STOP',
          index: 0,
        },
      ],
      usageMetadata: { promptTokenCount: 80, candidatesTokenCount: 1290 },
    });

export const textOnlyReply = () =>
  HttpResponse.json({
    candidates: [
      {
        content: { role: 'model', parts: [{ text: 'Here is a description of the image…' }] },
        finishReason: 'STOP',
      },
    ],
  });

export const googleError = (code: number, status: string, retryDelay?: string) => () =>
  HttpResponse.json(
    {
      error: {
        code,
        message: 'You exceeded your current quota, please check your plan and billing details.',
        status,
        details: retryDelay ? [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay }] : [],
      },
    },
    { status: code },
  );
