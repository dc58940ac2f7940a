import { render, screen } from '@testing-library/react';
import { useSyncExternalStore, version } from 'react';
import { version as domVersion } from 'react-dom';
import { expect, it } from 'vitest';

function Probe() {
  const value = useSyncExternalStore(
    () => () => {},
    () => version,
  );
  return <p>{value}</p>;
}

// Proves each vitest project really runs its React major, renderer included.
it('runs on the React major this project is for', () => {
  const major = process.env.EXPECTED_REACT_MAJOR;
  expect(version.split('.')[0]).toBe(major);
  expect(domVersion.split('.')[0]).toBe(major);
  render(<Probe />);
  expect(screen.getByText(version)).toBeTruthy();
});
