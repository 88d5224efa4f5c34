import { describe, expect, it } from 'vitest';
import { decodeCamera, encodeCamera } from './cameraChannel';
import { parseViewParams, urlWithView } from './viewUrl';

describe('the view in the address', () => {
  it('round-trips every parameter and keeps case, study and backend', () => {
    const href = 'http://h/app/?case=ptbxl-00285&backend=wasm';
    const params = {
      method: 'lime',
      model: 'cine3',
      pp: 'absolute',
      map: 'curves',
      thr: 0.35,
      layout: '3x4',
      speed: 50,
      gain: 20,
      trace: 'recorded',
      overlay: false,
      cam: '1.5,-200,3,0,0,0',
      t: 42,
      explained: true,
      tour: 'lafb',
      step: 2,
      presenter: true,
    } as const;
    const url = urlWithView(href, params);
    expect(url).toBe(
      'http://h/app/?case=ptbxl-00285&backend=wasm&method=lime&model=cine3&pp=absolute&map=curves&thr=0.35&layout=3x4&speed=50&gain=20&trace=recorded&overlay=0&cam=1.5,-200,3,0,0,0&t=42&explained=1&tour=lafb&step=3&presenter=1',
    );
    expect(parseViewParams(new URL(url).search)).toEqual({ params, ignored: [] });
  });
  it('writes nothing for defaults and drops what it cannot read, naming it', () => {
    expect(urlWithView('http://h/?case=x&t=5', {})).toBe('http://h/?case=x');
    expect(parseViewParams('?method=magic&t=-3&step=0&pp=scaled')).toEqual({
      params: { pp: 'scaled' },
      ignored: ['method=magic', 't=-3', 'step=0'],
    });
  });
  it('encodes the camera as a preset name or a pose', () => {
    expect(encodeCamera({ preset: 'fit', pose: null, chosen: true })).toBe('fit');
    expect(encodeCamera({ preset: 'fit', pose: null, chosen: false })).toBe(''); // the view's own default: not written
    const pose = {
      position: [1.04, 2, 3] as [number, number, number],
      target: [0, 0, -0.06] as [number, number, number],
    };
    expect(encodeCamera({ preset: 'fit', pose, chosen: true })).toBe('1,2,3,0,0,-0.1');
    expect(decodeCamera('1,2,3,0,0,-0.1')).toEqual({
      preset: null,
      pose: { position: [1, 2, 3], target: [0, 0, -0.1] },
    });
    expect(decodeCamera('1,2,x')).toBeNull();
  });
});
