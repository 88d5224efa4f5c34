import { AnnotationDb } from './annotationDb';

/** The app's one connection to the study database (tests make their own AnnotationDb). */
export const studyDb = new AnnotationDb();
