import { useEffect, useState } from 'react';
import { FACE_THRESHOLD_LIMITS, type FaceMatchSetting } from '../../../core/api/face-match.ts';
import { listCameras, type CameraChoice } from '../face/camera.ts';
import { t, type Lang } from '../text.ts';

/**
 * A supervisor's face-match settings: the counter's camera (kept as a setting, chosen once), and
 * for the purpose profile in force whether the face is matched and at which threshold.
 */
export function FaceMatchSettings({ lang, camera, faceMatch, onCamera, onFaceMatch }: {
  lang: Lang;
  camera: string | null;
  faceMatch: FaceMatchSetting;
  onCamera: (camera: string | null) => void;
  onFaceMatch: (faceMatch: FaceMatchSetting) => void;
}) {
  const [cameras, setCameras] = useState<CameraChoice[]>([]);
  useEffect(() => {
    listCameras().then(setCameras, () => setCameras([]));
  }, []);
  const known = camera === null || cameras.some((c) => c.deviceId === camera);
  return (
    <>
      <label className="field">
        <span>{t(lang, 'settings.camera')}</span>
        <select name="camera" value={camera ?? ''} onChange={(e) => onCamera(e.target.value || null)}>
          <option value="">{t(lang, 'settings.cameraDefault')}</option>
          {cameras.map((c) => <option key={c.deviceId} value={c.deviceId}>{c.label}</option>)}
          {!known && <option value={camera}>{camera}</option>}
        </select>
      </label>
      <label className="field check">
        <input type="checkbox" name="faceMatch" checked={faceMatch.enabled} onChange={(e) => onFaceMatch({ ...faceMatch, enabled: e.target.checked })} />
        <span>{t(lang, 'settings.faceMatch')}</span>
      </label>
      <label className="field">
        <span>{t(lang, 'settings.faceThreshold')}</span>
        <input name="faceThreshold" type="number" step="0.01" min={FACE_THRESHOLD_LIMITS.min} max={FACE_THRESHOLD_LIMITS.max} value={faceMatch.threshold}
          onChange={(e) => onFaceMatch({ ...faceMatch, threshold: Number(e.target.value) })} />
      </label>
    </>
  );
}
