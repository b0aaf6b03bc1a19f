/** Mail texts in Russian and English. Plain text first; HTML mirrors it with escaped values. */
import type { Locale } from '../../../shared/limits.js';

export type MailTemplate =
  | { template: 'verify_email'; vars: { name: string; link: string } }
  | { template: 'reset_password'; vars: { name: string; link: string } }
  | { template: 'password_changed'; vars: { name: string } };

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
    },
  };

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

export function renderMail(locale: Locale, mail: MailTemplate) {
  const rendered = texts[locale][mail.template](mail.vars as Record<string, string>);
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
