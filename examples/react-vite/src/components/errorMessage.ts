import type { AnyAlfieError } from '@alfie/react';

/** One line for any error core raises; `code` narrows, so quota errors can say when they reset. */
export function errorMessage(error: AnyAlfieError): string {
  switch (error.code) {
    case 'QUOTA_EXCEEDED':
      return `Monthly quota reached: ${error.remaining.images} images and ${error.remaining.videos} videos left, until ${new Date(error.resetsAt).toLocaleDateString()}.`;
    case 'VALIDATION_FAILED':
      return (
        error.issues.map((issue) => `${issue.path || 'request'}: ${issue.message}`).join('; ') ||
        error.message
      );
    case 'UNAUTHORIZED':
      return 'The token was refused: paste a fresh one from `alfie-server start`.';
    case 'NETWORK_ERROR':
      return 'Cannot reach the server. Is `alfie-server start` running?';
    default:
      return error.message;
  }
}
