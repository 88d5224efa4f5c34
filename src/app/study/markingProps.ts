import type { Segment } from '../../core/eval/study-format';
import type { RawMark } from '../store/studySlice';

/** What every marking surface of blind mode (the 12-lead grid, the CineECG time track) takes and reports. */
export interface MarkingProps {
  segments: readonly Segment[];
  selectedId: string | null;
  /** False while the protocol says the other modality comes first: the view is shown, marking is off. */
  enabled: boolean;
  onMark: (mark: RawMark) => void;
  onSelect: (id: string | null) => void;
  onDelete: (id: string) => void;
}
