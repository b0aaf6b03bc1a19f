/**
 * Request validation with Ajv: bodies are strict (no type coercion, unknown fields rejected, all errors
 * reported); query strings and path parameters coerce from text, as they must.
 */
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { EMAIL_PATTERN } from '../../modules/accounts/email.js';

function makeAjv(coerceTypes: boolean | 'array') {
  const ajv = new Ajv({
    allErrors: true,
    removeAdditional: false,
    useDefaults: true,
    coerceTypes,
    strict: false,
  });
  addFormats.default(ajv);
  ajv.addFormat('email', { type: 'string', validate: (value: string) => EMAIL_PATTERN.test(value) });
  return ajv;
}

export function registerValidation(app: FastifyInstance) {
  const strict = makeAjv(false);
  const coercing = makeAjv('array');
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'body' ? strict : coercing).compile(schema),
  );
}
