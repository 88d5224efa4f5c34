import type { DeviceReport } from '../../core/ecg/types';

/** At most this many measurements are listed (aECG files can hold dozens per beat). */
const MAX_MEASUREMENTS = 16;

/**
 * What the recording device itself reported (its statements and measurements), shown apart from and labelled
 * unlike the model's output, so the two are never mistaken for each other. Patient identifiers are not part of it.
 */
export function DeviceSays({ report }: { report: DeviceReport | undefined }) {
  if (!report) return null;
  const { device, acquired, statements, measurements } = report;
  if (!device && !acquired && statements.length === 0 && measurements.length === 0) return null;
  return (
    <section className="device-says" aria-labelledby="device-says-title" data-testid="device-says">
      <h2 id="device-says-title">The device says</h2>
      <p>From the file, written by the recording device: not the model&apos;s output, and not checked by this app.</p>
      {(device || acquired) && (
        <p data-testid="device-source">
          {device}
          {device && acquired ? ' · ' : ''}
          {acquired && <>recorded {acquired.replace('T', ' ')}</>}
        </p>
      )}
      {statements.length > 0 && (
        <ul data-testid="device-statements">
          {statements.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      )}
      {measurements.length > 0 && (
        <ul className="device-measurements" data-testid="device-measurements">
          {measurements.slice(0, MAX_MEASUREMENTS).map((m) => (
            <li key={`${m.name}=${m.value}`}>
              {m.name} {m.value}
              {m.units ? ` ${m.units}` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
