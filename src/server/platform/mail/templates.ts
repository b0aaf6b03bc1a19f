/**
 * Mail texts in Russian and English. Plain text first; HTML mirrors it with escaped values. A module with
 * many mails of its own (signups) keeps its texts itself and hands the mailer a `ComposedMail`; the HTML
 * is made here for every mail alike.
 */
import type { Locale } from '../../../shared/limits.js';

export type MailTemplate =
  | { template: 'verify_email'; vars: { name: string; link: string } }
  | { template: 'reset_password'; vars: { name: string; link: string } }
  | { template: 'password_changed'; vars: { name: string } }
  | { template: 'registration_attempt'; vars: { name: string; loginLink: string; resetLink: string } }
  | { template: 'organization_invitation'; vars: { organization: string; link: string } }
  | {
      template: 'squad_leader_invitation';
      vars: { name: string; squad: string; center: string; link: string };
    }
  | { template: 'application_step'; vars: ApplicationStepVars };

/** A mail written by a module's own template: its name (kept in the outbox), subject and plain text. */
export type ComposedMail = { template: string; subject: string; text: string };

/**
 * A step of a «Добро.Центр» status application. `event`: submitted, resubmitted, advanced,
 * changes_requested, rejected, withdrawn, opened, document_returned. `stage` and `document` are names in
 * the recipient's language; `comment` may be empty.
 */
export type ApplicationStepVars = {
  name: string;
  event: string;
  application: string;
  organization: string;
  stage: string;
  document: string;
  comment: string;
  link: string;
};

const APPLICATION_EVENTS: { [L in Locale]: Record<string, (v: Record<string, string>) => string> } = {
  ru: {
    submitted: (v) =>
      `Организация «${v.organization}» подала заявку «${v.application}» на статус «Добро.Центр».`,
    resubmitted: (v) => `Заявка «${v.application}» снова подана после доработки; этап: «${v.stage}».`,
    advanced: (v) => `Заявка «${v.application}» переведена на этап «${v.stage}».`,
    changes_requested: (v) => `Заявка «${v.application}» возвращена на доработку.`,
    rejected: (v) => `В присвоении статуса по заявке «${v.application}» отказано.`,
    withdrawn: (v) => `Заявка «${v.application}» отозвана заявителем.`,
    opened: (v) => `Статус «Добро.Центр» присвоен: центр «${v.application}» открыт.`,
    document_returned: (v) => `Документ «${v.document}» по заявке «${v.application}» возвращён на доработку.`,
  },
  en: {
    submitted: (v) => `${v.organization} has applied for «Добро.Центр» status: "${v.application}".`,
    resubmitted: (v) => `Application "${v.application}" was resubmitted after changes; stage: "${v.stage}".`,
    advanced: (v) => `Application "${v.application}" moved to the stage "${v.stage}".`,
    changes_requested: (v) => `Application "${v.application}" was returned for changes.`,
    rejected: (v) => `Application "${v.application}" was rejected.`,
    withdrawn: (v) => `Application "${v.application}" was withdrawn by the applicant.`,
    opened: (v) => `Status granted: the centre "${v.application}" is open.`,
    document_returned: (v) => `The document "${v.document}" of application "${v.application}" was returned.`,
  },
};

function applicationStep(locale: Locale, v: Record<string, string>): Rendered {
  const ru = locale === 'ru';
  const what = APPLICATION_EVENTS[locale][v.event ?? '']?.(v) ?? v.event ?? '';
  const comment = v.comment ? `\n\n${ru ? 'Комментарий' : 'Comment'}: ${v.comment}` : '';
  return {
    subject: ru ? `Заявка «${v.application}» — Добросеть` : `Application "${v.application}" — Dobroset`,
    text: `${ru ? 'Здравствуйте' : 'Hello'}, ${v.name}!\n\n${what}${comment}\n\n${ru ? 'Открыть заявку' : 'Open the application'}: ${v.link}`,
  };
}

type Rendered = { subject: string; text: string };

const texts: { [L in Locale]: { [T in MailTemplate['template']]: (v: Record<string, string>) => Rendered } } =
  {
    ru: {
      verify_email: (v) => ({
        subject: 'Подтвердите адрес почты — Добросеть',
        text: `Здравствуйте, ${v.name}!\n\nЧтобы подтвердить адрес почты, откройте ссылку:\n${v.link}\n\nСсылка действует 48 часов. Если вы не регистрировались, просто удалите это письмо.`,
      }),
      reset_password: (v) => ({
        subject: 'Восстановление пароля — Добросеть',
        text: `Здравствуйте, ${v.name}!\n\nЧтобы задать новый пароль, откройте ссылку:\n${v.link}\n\nСсылка действует 1 час и сработает один раз. Если вы не просили сменить пароль, ничего делать не нужно.`,
      }),
      password_changed: (v) => ({
        subject: 'Пароль изменён — Добросеть',
        text: `Здравствуйте, ${v.name}!\n\nПароль вашей учётной записи изменён, все другие сеансы завершены. Если это были не вы, восстановите пароль и сообщите оператору.`,
      }),
      registration_attempt: (v) => ({
        subject: 'Попытка регистрации с вашим адресом — Добросеть',
        text: `Здравствуйте, ${v.name}!\n\nКто-то пытался зарегистрироваться в Добросети с этим адресом почты, но у вас уже есть учётная запись — новая не создана.\n\nЕсли это были вы, просто войдите: ${v.loginLink}\nЗабыли пароль? Восстановите его: ${v.resetLink}\n\nЕсли это были не вы, ничего делать не нужно.`,
      }),
      organization_invitation: (v) => ({
        subject: `Приглашение представлять организацию «${v.organization}» — Добросеть`,
        text: `Здравствуйте!\n\nВас пригласили стать представителем организации «${v.organization}» в Добросети.\n\nЧтобы принять или отклонить приглашение, войдите с этим адресом почты (или зарегистрируйтесь с ним) и откройте страницу: ${v.link}\n\nПриглашение действует 14 дней. Если вы его не ждали, просто удалите это письмо.`,
      }),
      squad_leader_invitation: (v) => ({
        subject: `Приглашение руководить отрядом «${v.squad}» — Добросеть`,
        text: `Здравствуйте, ${v.name}!\n\nКоординатор центра «${v.center}» приглашает вас руководить отрядом «${v.squad}»: принимать заявки, редактировать отряд, записывать его на смены.\n\nПринять или отклонить приглашение можно на странице отряда: ${v.link}\n\nБез вашего согласия ничего не изменится.`,
      }),
      application_step: (v) => applicationStep('ru', v),
    },
    en: {
      verify_email: (v) => ({
        subject: 'Confirm your email — Dobroset',
        text: `Hello, ${v.name}!\n\nTo confirm your email address, open this link:\n${v.link}\n\nThe link is valid for 48 hours. If you did not register, just delete this mail.`,
      }),
      reset_password: (v) => ({
        subject: 'Password reset — Dobroset',
        text: `Hello, ${v.name}!\n\nTo set a new password, open this link:\n${v.link}\n\nThe link is valid for 1 hour and works once. If you did not ask for this, you need not do anything.`,
      }),
      password_changed: (v) => ({
        subject: 'Password changed — Dobroset',
        text: `Hello, ${v.name}!\n\nThe password of your account was changed and all other sessions were ended. If this was not you, reset your password and tell the operator.`,
      }),
      registration_attempt: (v) => ({
        subject: 'Someone tried to register with your address — Dobroset',
        text: `Hello, ${v.name}!\n\nSomeone tried to register on Dobroset with this email address, but you already have an account, so no new one was created.\n\nIf it was you, just log in: ${v.loginLink}\nForgot the password? Reset it: ${v.resetLink}\n\nIf it was not you, you need not do anything.`,
      }),
      organization_invitation: (v) => ({
        subject: `Invitation to represent "${v.organization}" — Dobroset`,
        text: `Hello!\n\nYou have been invited to represent the organization "${v.organization}" on Dobroset.\n\nTo accept or decline, log in with this email address (or register with it) and open: ${v.link}\n\nThe invitation is valid for 14 days. If you did not expect it, just delete this mail.`,
      }),
      squad_leader_invitation: (v) => ({
        subject: `Invitation to lead the squad "${v.squad}" — Dobroset`,
        text: `Hello, ${v.name}!\n\nThe coordinator of "${v.center}" invites you to lead the squad "${v.squad}": approve requests, edit the squad and sign it up for shifts.\n\nAccept or decline the invitation on the squad's page: ${v.link}\n\nNothing changes without your consent.`,
      }),
      application_step: (v) => applicationStep('en', v),
    },
  };

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

export function renderMail(locale: Locale, mail: MailTemplate | ComposedMail) {
  const rendered =
    'text' in mail
      ? { subject: mail.subject, text: mail.text }
      : texts[locale][mail.template](mail.vars as Record<string, string>);
  const html = `<!doctype html><html lang="${locale}"><body style="font-family:sans-serif">${rendered.text
    .split('\n\n')
    .map(
      (p) =>
        `<p>${escapeHtml(p)
          .replace(/\n/g, '<br>')
          .replace(/(https?:\/\/\S+)/g, '<a href="$1">$1</a>')}</p>`,
    )
    .join('')}</body></html>`;
  return { ...rendered, html };
}
