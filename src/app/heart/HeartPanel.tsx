import { modelById, modelOfKind } from '../../core/registry/app-models';
import type { ModelMeta } from '../../core/registry/model-meta';
import { modelLabel } from '../inference/modelText';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { MODEL_FS_HZ, WINDOW_SAMPLES } from '../../core/constants';
import { bipolarPhi, mappedPhi } from '../../core/xai/mapping';
import { METHOD_LABELS } from '../../core/xai/catalogue';
import { type AppError, toAppError } from '../errors/appError';
import { ErrorPanel } from '../errors/ErrorPanel';
import type { CameraPose } from '../share/cameraChannel';
import { useServices } from '../services/AppServices';
import { useTour } from '../tour/useTour';
import { type CaseExplanation, selectExplanation, selectExplanationOf } from '../store/explainSlice';
import { useAppStore, useAppStoreApi } from '../store/useAppStore';
import { caseTrajectory } from './cineTrajectory';
import { useContextLossRecovery } from './contextLoss';
import { boundingRadius } from './frameToThree';
import HeartCanvas, { FOV_DEG, type PresetRequest } from './HeartCanvas';
import { SURFACE_FADED, type SurfaceOpacity } from './HeartMeshes';
import { fitPreset } from './fitPreset';
import { SurfaceControls } from './SurfaceControls';
import { HeartLegend } from './HeartLegend';
import { type HeartAsset, loadHeart } from './loadHeart';
import { connectPlayback } from './playback';
import { type AxisLandmarks, cameraPresets, fitDistance } from './presets';
import { TimeControls } from './TimeControls';
import { TruthTube } from '../synth/TruthTube';
import { useTruthInWindow } from '../synth/useTruth';
import { truthRuns } from '../synth/truthRuns';
import { lastSampleMs, sampleCount, segmentSpans, segmentStarts, type TrajectoryView } from './trajectoryStyle';

type HeartState = { status: 'loading' } | { status: 'ready'; asset: HeartAsset } | { status: 'error'; error: AppError };

function useHeartAsset(): HeartState {
  const [state, setState] = useState<HeartState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    loadHeart(document.baseURI).then(
      (asset) => live && setState({ status: 'ready', asset }),
      (e) => live && setState({ status: 'error', error: toAppError(e) }),
    );
    return () => void (live = false);
  }, []);
  return state;
}

/** "min,max" of Φ_d, 3 decimals: eq. 2 scales it so that max |Φ_d| = 1. */
const extent = (phi: ArrayLike<number>): string => {
  let [lo, hi] = [Infinity, -Infinity];
  for (let i = 0; i < phi.length; i++) [lo, hi] = [Math.min(lo, phi[i]), Math.max(hi, phi[i])];
  return `${lo.toFixed(3)},${hi.toFixed(3)}`;
};

/** Downloads the 3D view as a PNG (the canvas keeps its last frame: preserveDrawingBuffer); nothing leaves the machine. */
function saveHeartImage(stage: HTMLElement | null, name: string): void {
  const canvas = stage?.querySelector('canvas');
  if (!canvas) return;
  const a = document.createElement('a');
  a.href = canvas.toDataURL('image/png');
  a.download = `${name}-cineecg-3d.png`;
  a.click();
}

/** Eq. 2 over the explained model's channels: 12 leads (mapped, Fig. 4c) or the CineECG model's x, y, z (its own, Fig. 4b). */
const phiOf = (e: CaseExplanation | null, meta: ModelMeta | null) =>
  e && meta ? mappedPhi(bipolarPhi(e.attributions[0], e.attributions[1]), meta.input.channels.length) : null;

const axesOf = (asset?: HeartAsset): AxisLandmarks | undefined => {
  const l = asset?.info.landmarks as Partial<AxisLandmarks> | undefined;
  return l?.longAxis?.length === 3 && l.septumDirection?.length === 3 ? (l as AxisLandmarks) : undefined;
};

const finalOnly = (e: CaseExplanation | null): CaseExplanation | null => (e?.refining ? null : e);

/**
 * CineECG in 3D (paper 3.4, Fig. 4c): the biventricular heart, the mTSI trajectory of the model's window coloured
 * by Φ_d(t), camera presets, and slow-motion playback on the shared time cursor. Lazy-loaded with three.js.
 */
export default function HeartPanel() {
  const { camera } = useServices();
  const appStore = useAppStoreApi();
  const prepared = useAppStore((s) => s.prepared);
  // The 3D view takes final maps only: IG's provisional maps refine the grid and the beat panel (where the user reads
  // them), and re-colouring and re-fitting the heart for each would add to frames that e2e/explain.spec.ts holds
  // under 100 ms on a 2-core machine without a GPU.
  const explanation = useAppStore((s) => finalOnly(selectExplanation(s)));
  // Fig. 4c | 4b: the primary (12-lead) model mapped onto the trajectory beside the model that reads the trajectory.
  const appModels = useAppStore((s) => s.appModels);
  const ecgMeta = appModels?.primary ?? null;
  const cineMeta = appModels ? modelOfKind(appModels, 'cinecg') : null;
  const ecgExplanation = useAppStore((s) => finalOnly(selectExplanationOf(s, ecgMeta?.id ?? null)));
  const cineExplanation = useAppStore((s) => finalOnly(selectExplanationOf(s, cineMeta?.id ?? null)));
  const [compareAsked, setCompare] = useState(false);
  // Side by side needs the same method's attributions from both models (paper Fig. 4b and 4c).
  const canCompare = !!ecgExplanation && !!cineExplanation;
  const compare = compareAsked && canCompare;
  const heart = useHeartAsset();
  // A synthetic case's truth (issue 16): the window samples where some lead's mask is on, sheathed on the path.
  const truth = useTruthInWindow();
  const asset = heart.status === 'ready' ? heart.asset : undefined;

  const traj = useMemo((): { view: TrajectoryView | null; error: AppError | null } => {
    if (!prepared) return { view: null, error: null };
    try {
      return { view: caseTrajectory(prepared), error: null };
    } catch (e) {
      return { view: null, error: toAppError(e) };
    }
  }, [prepared]);
  const shown = compare ? ecgExplanation : explanation;
  const shownMeta = (shown && appModels && modelById(appModels, shown.source)) || null;
  const phi = useMemo(() => phiOf(shown, shownMeta), [shown, shownMeta]);
  const cinePhi = useMemo(
    () => (compare ? phiOf(cineExplanation, cineMeta) : null),
    [compare, cineExplanation, cineMeta],
  );

  const anatomical = useMemo(() => cameraPresets(axesOf(asset)), [asset]);
  // The QRS part (thick, where the attributions sit): what "Fit trajectory" frames, from the side that shows it widest.
  const qrsEndSample = useMemo(
    () =>
      traj.view
        ? (segmentStarts(traj.view.fsHz, traj.view.segments).find((s) => s.name !== 'QRS')?.sample ??
          sampleCount(traj.view))
        : 0,
    [traj.view],
  );
  const fit = useMemo(() => fitPreset(anatomical, traj.view, qrsEndSample), [anatomical, traj.view, qrsEndSample]);
  const presets = useMemo(() => (fit ? [fit, ...anatomical] : anatomical), [fit, anatomical]);
  const [request, setRequest] = useState<PresetRequest>(() => ({ preset: anatomical[0], nonce: 0 }));
  // Until the user sets them: the epicardium faded; in the fitted close-up all surfaces faded, so the cavity walls
  // around the camera do not fill the view.
  const [chosenSurfaces, setSurfaces] = useState<SurfaceOpacity | null>(null);
  // Once explained, the default view frames the coloured QRS part (until the user picks another view).
  const fitOnce = useRef(false);
  useEffect(() => {
    if (!phi || !fit || fitOnce.current) return;
    fitOnce.current = true;
    setRequest((r) => ({ preset: fit, nonce: r.nonce + 1 }));
  }, [phi, fit]);
  // A camera asked for from outside (the tour's step, a shared link): a preset by name or an exact pose. Once one is
  // taken, explaining no longer refits the view (the link's or the step's camera stays).
  useEffect(() => {
    const takeRequest = () => {
      const r = camera.getState().request;
      // Not while another case is opening (back/forward): the next case's view takes it when it mounts.
      if (!r || appStore.getState().caseStatus !== 'ready') return;
      const preset = r.preset ? presets.find((p) => p.name === r.preset) : undefined;
      if (r.preset && !preset) return; // e.g. "fit" before the trajectory exists: keep it pending
      camera.getState().take();
      fitOnce.current = true;
      setRequest((cur) => ({ preset: preset ?? cur.preset, pose: r.pose, nonce: cur.nonce + 1, chosen: true }));
    };
    takeRequest();
    return camera.subscribe((st, prev) => st.request !== prev.request && takeRequest());
  }, [presets, camera, appStore]);
  // What the view shows, for the address: the preset as set, until the user moves the camera.
  useEffect(
    () =>
      camera.getState().report({ preset: request.preset.name, pose: request.pose ?? null, chosen: !!request.chosen }),
    [request, camera],
  );
  const onCameraMoved = useMemo(
    () => (pose: CameraPose) => camera.getState().report({ preset: 'custom', pose, chosen: true }),
    [camera],
  );
  const distance = useMemo(
    () =>
      fitDistance(boundingRadius(asset?.meshes.epicardium.positions ?? [], traj.view?.points ?? []) || 100, FOV_DEG),
    [asset, traj.view],
  );

  const endMs = traj.view ? lastSampleMs(traj.view) : 0;
  const endRef = useRef(endMs);
  useEffect(() => void (endRef.current = endMs), [endMs]);
  useEffect(() => connectPlayback(appStore, () => endRef.current), []);
  useEffect(() => () => appStore.getState().setPlaying(false), []);

  // Per-frame facts for tests and assistive tech, written to the DOM directly (no React render per frame).
  const stage = useRef<HTMLDivElement>(null);
  const frames = useRef(0);
  const cursorReadout = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    const show = (ms: number | null) => {
      stage.current?.setAttribute('data-cursor-ms', ms === null ? '' : String(Math.round(ms)));
      // The cursor in words on the view, so it can be followed during playback even where the ball is small.
      if (cursorReadout.current) cursorReadout.current.textContent = ms === null ? '' : `t = ${Math.round(ms)} ms`;
    };
    show(appStore.getState().cursorMs);
    return appStore.subscribe((s, prev) => s.cursorMs !== prev.cursorMs && show(s.cursorMs));
  }, []);
  const surfaces: SurfaceOpacity =
    chosenSurfaces ??
    (request.preset.name === 'fit'
      ? { lv: SURFACE_FADED, rv: SURFACE_FADED, epicardium: SURFACE_FADED }
      : { epicardium: SURFACE_FADED });
  const onFrame = () => stage.current?.setAttribute('data-frames', String(++frames.current));
  // A lost WebGL context (GPU reset, WEBGL_lose_context) is restored, or the view says why; the rest of the app goes on.
  const [redraw, setRedraw] = useState(0);
  const gl = useContextLossRecovery(useCallback(() => setRedraw((n) => n + 1), []));
  const onQrsBox = (w: number, h: number, cw: number, ch: number) => {
    stage.current?.setAttribute('data-qrs-box', `${w.toFixed(0)},${h.toFixed(0)}`);
    stage.current?.setAttribute('data-canvas-size', `${cw.toFixed(0)},${ch.toFixed(0)}`);
  };

  // QRS / ST / T of the window's beat (or the fixed QRS / ST-T split): the tube's thickness, the labels, the legend.
  const spans = useMemo(
    () =>
      traj.view
        ? segmentSpans(sampleCount(traj.view), traj.view.fsHz, traj.view.segments)
        : segmentSpans(WINDOW_SAMPLES, MODEL_FS_HZ),
    [traj.view],
  );

  const colored = !!phi && !!traj.view;
  const highContrast = useTour((st) => st.presenter);
  const name = `3D heart: biventricular model with the CineECG trajectory of the ${Math.round(endMs) || 400} ms window, ${request.preset.label} view${colored ? ', coloured by Φd(t)' : ''}`;

  return (
    <section className="panel heart-panel" aria-labelledby="heart-title" data-testid="heart-panel">
      <div className="panel-toolbar">
        <h2 id="heart-title" className="panel-title">
          CineECG in 3D
        </h2>
        <div className="heart-actions">
          <button
            type="button"
            className="button"
            aria-pressed={compare}
            disabled={!canCompare}
            title={
              canCompare
                ? 'The CineECG model’s own attributions (Fig. 4b) next to the 12-lead model’s mapped onto the trajectory (Fig. 4c)'
                : 'Explain both models (12-lead and CineECG) with the same method first'
            }
            onClick={() => setCompare(!compare)}
          >
            Side by side (Fig. 4b | 4c)
          </button>
          <button
            type="button"
            className="button"
            disabled={!asset}
            onClick={() => saveHeartImage(stage.current, prepared?.record.name ?? 'cineecg')}
          >
            Save image
          </button>
        </div>
        <div className="segmented" role="group" aria-label="Camera presets">
          {presets.map((p) => (
            <button
              key={p.name}
              type="button"
              aria-label={`${p.label} view`}
              title={p.title}
              aria-pressed={request.preset.name === p.name}
              className={request.preset.name === p.name ? 'selected' : undefined}
              onClick={() => setRequest((r) => ({ preset: p, nonce: r.nonce + 1, chosen: true }))}
            >
              {p.label}
            </button>
          ))}
        </div>
      </div>
      <div className={compare ? 'heart-view-area heart-compare' : 'heart-view-area'}>
        {compare && asset && (
          <figure
            className="heart-compare-stage"
            data-testid="heart-compare"
            aria-label="CineECG model's own attributions on the trajectory (paper Fig. 4b)"
          >
            <HeartCanvas
              meshes={asset.meshes}
              trajectory={traj.view}
              phi={cinePhi}
              request={request}
              distance={distance}
              qrsEndSample={qrsEndSample}
              surfaces={surfaces}
            />
            <figcaption>CineECG model’s own (Fig. 4b)</figcaption>
          </figure>
        )}
        <div
          ref={stage}
          className="heart-stage"
          role="img"
          aria-label={name}
          data-heart-status={heart.status}
          data-gl={gl.status}
          data-view={request.preset.name}
          data-colored={colored ? 'phi' : 'neutral'}
          data-palette={highContrast ? 'high-contrast' : 'rdbu'}
          {...(traj.view && { 'data-trajectory-points': String(sampleCount(traj.view)) })}
          {...(colored && { 'data-phi-extent': extent(phi) })}
          {...(truth && {
            'data-truth-runs': truthRuns(truth)
              .map(([a, b]) => `${a}-${b}`)
              .join(','),
          })}
          {...(traj.view && { 'data-segments': spans.map((s) => `${s.name}:${Math.round(s.startMs)}`).join(',') })}
        >
          {asset && (
            <HeartCanvas
              key={gl.canvasKey}
              meshes={asset.meshes}
              trajectory={traj.view}
              phi={phi}
              request={request}
              distance={distance}
              qrsEndSample={qrsEndSample}
              surfaces={surfaces}
              onFrame={onFrame}
              onQrsBox={onQrsBox}
              onCameraMoved={onCameraMoved}
              onRenderer={gl.attach}
              redraw={redraw}
            >
              {truth && traj.view && <TruthTube points={traj.view.points} truth={truth} />}
            </HeartCanvas>
          )}
          {heart.status === 'loading' && (
            <p className="loading heart-loading" role="status">
              <span className="spinner" aria-hidden="true" /> Loading the heart geometry…
            </p>
          )}
          {compare && <p className="heart-stage-caption">{modelLabel(ecgMeta)}, mapped (Fig. 4c)</p>}
          <p ref={cursorReadout} className="heart-cursor-readout" aria-hidden="true" />
        </div>
      </div>
      {gl.status !== 'ok' && (
        <div className="heart-gl-lost" role="alert" data-testid="heart-gl-lost">
          {gl.status === 'lost' ? (
            <p>The 3D view lost its graphics context (a GPU reset, or too many 3D views open); restoring it…</p>
          ) : (
            <>
              <p>
                The 3D view could not get its graphics context back from the browser. The grid, the beat panel and the
                explanations keep working.
              </p>
              <button type="button" className="button" onClick={gl.retry}>
                Try again
              </button>
            </>
          )}
        </div>
      )}
      {heart.status === 'error' && <ErrorPanel error={heart.error} title="The heart geometry could not be loaded" />}
      {traj.error && <ErrorPanel error={traj.error} title="The CineECG trajectory could not be computed" />}
      <div className="heart-controls">
        <TimeControls endMs={endMs} stepMs={traj.view ? 1000 / traj.view.fsHz : 2} disabled={!traj.view} />
        <SurfaceControls value={surfaces} onChange={setSurfaces} />
      </div>
      <HeartLegend
        colored={colored}
        spans={spans}
        segments={traj.view?.segments}
        method={
          compare
            ? `${METHOD_LABELS[ecgExplanation!.method]}: left the CineECG model's own, right the 12-lead model mapped onto the trajectory, each on its own [−1, 1]`
            : shown
              ? `${METHOD_LABELS[shown.method]}, ${shownMeta?.input.kind === '12-lead' ? `${modelLabel(shownMeta)} mapped onto the trajectory` : modelLabel(shownMeta)}`
              : undefined
        }
      />
      {truth && (
        <p className="muted heart-note" data-testid="heart-truth-note">
          Green sheath: the truth along the path (window samples where some lead’s |record − healthy twin| ≥ 0.02 mV).
        </p>
      )}
      <p className="credit heart-credit" data-testid="heart-credit">
        {asset?.info.credit ??
          'Heart geometry: biventricular model fitted to cardiac MR by biv-me (University of Auckland).'}{' '}
        <a href={asset?.licenseUrl ?? 'heart/LICENSE-Apache-2.0'} target="_blank" rel="noreferrer">
          Apache License 2.0
        </a>
        . Drag to rotate, scroll to zoom, right-drag to pan.
      </p>
    </section>
  );
}
