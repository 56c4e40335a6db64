import { useState } from 'react';
import { useFieldArray, useWatch } from 'react-hook-form';
import { Link, useNavigate, useParams } from 'react-router';
import {
  certificateTemplateInput,
  defaultTemplateBody,
  maxLogoBytes,
  pageSizes,
  templatePlaceholders,
  type CertificateTemplate,
} from '../../../shared/domain/certificates';
import type { Course } from '../../../shared/domain/catalogue';
import { db, useLiveQuery } from '../../db';
import { useT } from '../../i18n';
import { SelectField, TextArea, TextField } from '../../ui/fields';
import { errorPaths } from '../../ui/formErrors';
import { useMutationForm } from '../../ui/useMutationForm';
import { NotFound } from '../catalogue';
import { CertificatePage, fillTemplate, type CertificateView } from './print';
import { useSigning } from './data';
import { verificationLink } from './signing';
import { placeText, sessionDatesText } from './view';
import './certificates.css';

/** Languages a certificate can be printed in (its fixed wording and text direction). */
const certificateLanguages = [
  { value: 'en', label: 'English' },
  { value: 'fr', label: 'Français' },
  { value: 'es', label: 'Español' },
  { value: 'ru', label: 'Русский' },
  { value: 'zh', label: '中文' },
  { value: 'ar', label: 'العربية' },
  { value: 'ur', label: 'اردو' },
  { value: 'th', label: 'ไทย' },
  { value: 'am', label: 'አማርኛ' },
] as const;

type FormValues = {
  courseId: string;
  title: string;
  body: string;
  signatories: { name: string; title: string }[];
  logo: string;
  language: string;
  validityYears: number;
  pageSize: 'A4' | 'Letter';
};

function initialValues(course: Course, template: CertificateTemplate | null): FormValues {
  if (template) {
    const { id: _id, createdAt: _c, updatedAt: _u, ...values } = template;
    return values;
  }
  return {
    courseId: course.id,
    title: 'Certificate of completion',
    body: defaultTemplateBody,
    signatories: [],
    logo: '',
    language: 'en',
    validityYears: 0,
    pageSize: 'A4',
  };
}

/** The certificate template of a course: wording, signatories, logo, language, expiry, paper. */
export function TemplateScreen() {
  const { id } = useParams();
  const t = useT();
  const data = useLiveQuery(async () => {
    const course = id ? await db.courses.get(id) : undefined;
    if (!course) return null;
    const template = (await db.certificateTemplates.get(course.id)) ?? null;
    const session = (await db.sessions.where('courseId').equals(course.id).first()) ?? null;
    return { course, template, session };
  }, [id]);
  if (data === undefined) return <p className="loading">{t('common.loading')}</p>;
  if (data === null) return <NotFound />;
  return <TemplateForm key={data.course.id} {...data} />;
}

function TemplateForm({
  course,
  template,
  session,
}: {
  course: Course;
  template: CertificateTemplate | null;
  session: { startDate: string; endDate: string; site: string; city: string; country: string } | null;
}) {
  const t = useT();
  const navigate = useNavigate();
  const signing = useSigning();
  const [logoProblem, setLogoProblem] = useState('');
  const [saved, setSaved] = useState(false);
  const { register, control, errors, isSubmitted, isSubmitting, err, submit, setValue } = useMutationForm({
    schema: certificateTemplateInput,
    defaultValues: initialValues(course, template),
    toCall: (values) => ({ name: 'certificateTemplate.save', args: values }),
    onSaved: () => setSaved(true),
  });
  const signatories = useFieldArray({ control, name: 'signatories' });
  const watched = useWatch({ control }) as Partial<FormValues>;
  const summaryPaths = errorPaths(errors);
  const label = {
    title: t('certificates.template.field.title'),
    body: t('certificates.template.field.body'),
    language: t('certificates.template.field.language'),
    validityYears: t('certificates.template.field.validityYears'),
    pageSize: t('certificates.template.field.pageSize'),
    logo: t('certificates.template.field.logo'),
    signatoryName: t('certificates.template.field.signatoryName'),
    signatoryTitle: t('certificates.template.field.signatoryTitle'),
  };

  const readLogo = (file: File | undefined) => {
    setLogoProblem('');
    if (!file) return;
    if (!/^image\/(png|jpeg|svg\+xml)$/.test(file.type)) return setLogoProblem(t('certificates.template.logoType'));
    if (file.size > maxLogoBytes) return setLogoProblem(t('certificates.template.logoSize', { kb: Math.round(maxLogoBytes / 1024) }));
    const reader = new FileReader();
    reader.onload = () => setValue('logo', typeof reader.result === 'string' ? reader.result : '', { shouldDirty: true });
    reader.onerror = () => setLogoProblem(t('certificates.template.logoUnreadable'));
    reader.readAsDataURL(file);
  };

  const language = watched.language ?? 'en';
  const sampleName = 'Amina Yusuf';
  const dates = session ? sessionDatesText(session.startDate, session.endDate, language) : '';
  const place = session ? placeText(session, language) : '';
  const preview: CertificateView = {
    serial: 'SAMPLE-0000-000000',
    title: watched.title || course.title,
    body: fillTemplate(watched.body ?? '', {
      name: sampleName,
      course: course.title,
      code: course.code,
      hours: course.hours,
      dates,
      place,
      organisation: signing?.root?.name ?? '',
      result: 'Attended 95% of 10 class days.',
    }).text,
    traineeName: sampleName,
    courseTitle: course.title,
    courseCode: course.code,
    hours: course.hours,
    sessionDates: { start: session?.startDate ?? '2026-03-09', end: session?.endDate ?? '2026-03-20' },
    ...(place ? { place } : {}),
    issuedOn: new Date().toISOString().slice(0, 10),
    organisationName: signing?.root?.name ?? t('certificates.template.organisationPlaceholder'),
    signatories: (watched.signatories ?? []).filter((s): s is { name: string; title: string } => !!s?.name),
    ...(watched.logo ? { logoDataUrl: watched.logo } : {}),
    language,
    pageSize: watched.pageSize ?? 'A4',
    verifyUrl: verificationLink(signing?.root ?? { verifyUrl: 'https://verify.example.org' }, 'SAMPLE-0000-000000'),
  };
  const unknownPlaceholders = fillTemplate(watched.body ?? '', Object.fromEntries(templatePlaceholders.map((p) => [p, p]))).unknown;

  return (
    <div className="template-screen">
      <form className="form" noValidate onSubmit={submit} aria-labelledby="template-form-title">
        <nav className="breadcrumbs" aria-label={t('certificates.breadcrumbs')}>
          <Link to={`/courses/${course.id}`}>
            {course.code} <span dir="auto">{course.title}</span>
          </Link>
        </nav>
        <h1 id="template-form-title">{t('certificates.template.heading', { code: course.code })}</h1>
        {summaryPaths.length > 0 && isSubmitted && (
          <div className="error-summary" role="alert">
            {t('form.errorSummary', { count: summaryPaths.length })}
          </div>
        )}
        {saved && (
          <p className="notice-ok" role="status">
            {t('certificates.template.saved')}{' '}
            <button type="button" className="link-button" onClick={() => void navigate(-1)}>
              {t('certificates.template.back')}
            </button>
          </p>
        )}
        <TextField dir="auto" label={label.title} error={err('title', label.title)} {...register('title')} />
        <TextArea
          dir="auto"
          label={label.body}
          hint={t('certificates.template.bodyHint', { placeholders: templatePlaceholders.map((p) => `{${p}}`).join(' ') })}
          error={err('body', label.body) ?? (unknownPlaceholders.length ? t('certificates.template.unknownPlaceholders', { names: unknownPlaceholders.map((p) => `{${p}}`).join(', ') }) : undefined)}
          {...register('body')}
        />
        <fieldset className="signatories">
          <legend>{t('certificates.template.signatories')}</legend>
          {signatories.fields.map((field, index) => (
            <div key={field.id} className="signatory-row">
              <TextField
                dir="auto"
                label={`${label.signatoryName} ${index + 1}`}
                error={err(`signatories.${index}.name`, label.signatoryName)}
                {...register(`signatories.${index}.name`)}
              />
              <TextField
                dir="auto"
                label={`${label.signatoryTitle} ${index + 1}`}
                error={err(`signatories.${index}.title`, label.signatoryTitle)}
                {...register(`signatories.${index}.title`)}
              />
              <button type="button" onClick={() => signatories.remove(index)}>
                {t('certificates.template.removeSignatory')}
              </button>
            </div>
          ))}
          {signatories.fields.length < 4 && (
            <button type="button" onClick={() => signatories.append({ name: '', title: '' })}>
              {t('certificates.template.addSignatory')}
            </button>
          )}
        </fieldset>
        <div className="form-grid">
          <SelectField label={label.language} error={err('language', label.language)} options={certificateLanguages} {...register('language')} />
          <TextField
            type="number"
            min={0}
            max={50}
            label={label.validityYears}
            hint={t('certificates.template.validityHint')}
            error={err('validityYears', label.validityYears)}
            {...register('validityYears', { valueAsNumber: true })}
          />
          <SelectField label={label.pageSize} options={pageSizes.map((p) => ({ value: p, label: p }))} {...register('pageSize')} />
          <TextField
            type="file"
            accept="image/png,image/jpeg,image/svg+xml"
            label={label.logo}
            hint={t('certificates.template.logoHint', { kb: Math.round(maxLogoBytes / 1024) })}
            error={logoProblem || err('logo', label.logo)}
            onChange={(e) => readLogo(e.target.files?.[0])}
          />
        </div>
        {watched.logo && (
          <button type="button" onClick={() => setValue('logo', '', { shouldDirty: true })}>
            {t('certificates.template.removeLogo')}
          </button>
        )}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={isSubmitting}>
            {t('certificates.template.save')}
          </button>
        </div>
      </form>
      <section className="certificate-preview" aria-label={t('certificates.template.preview')}>
        <h2>{t('certificates.template.preview')}</h2>
        <div className="certificate-scale">
          <CertificatePage view={preview} />
        </div>
      </section>
    </div>
  );
}
