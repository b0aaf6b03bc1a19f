import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApplicationDocument, useReviewDocument } from '../../api/applications-queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useContractForm } from '../../forms/useContractForm';

/** The operator's decision on one uploaded document: accept it, or return it with a required comment. */
export function DocumentReview({ applicationId, doc }: { applicationId: string; doc: ApplicationDocument }) {
  const { t } = useTranslation();
  const review = useReviewDocument(applicationId);
  const [returning, setReturning] = useState(false);
  const code = doc.kind.code;
  const form = useContractForm({
    initialValues: { comment: '' },
    schema: () => import('../../../shared/contracts/applications').then((m) => m.ReviewDocumentBody),
    body: (v) => ({ decision: 'returned', comment: v.comment.trim() }),
    // The contract leaves the comment optional; a returned document always says why.
    check: (v, t) => (v.comment.trim() ? {} : { comment: t('applications.review.commentRequired') }),
    serverError: review.error,
  });
  useEffect(() => {
    if (returning) document.getElementById(`return-comment-${code}`)?.focus();
  }, [returning, code]);

  const onReturn = form.submitWith(({ comment }) =>
    review.mutate(
      { kind: code, body: { decision: 'returned', comment: comment.trim() } },
      { onSuccess: () => setReturning(false) },
    ),
  );

  return (
    <Stack gap="xs" data-testid={`review-${code}`}>
      <ErrorAlert error={review.error} fields={['comment']} />
      {!returning ? (
        <Group gap="xs">
          <Button
            color="ok.8"
            loading={review.isPending}
            onClick={() => review.mutate({ kind: code, body: { decision: 'accepted' } })}
            data-testid={`accept-${code}`}
          >
            {t('applications.review.accept')}
          </Button>
          <Button
            variant="outline"
            color="warn.8"
            onClick={() => setReturning(true)}
            data-testid={`return-${code}`}
          >
            {t('applications.review.return')}
          </Button>
        </Group>
      ) : (
        <form ref={form.formRef} onSubmit={onReturn} noValidate>
          <Stack gap="xs">
            <Textarea
              id={`return-comment-${code}`}
              name="comment"
              label={t('applications.review.commentLabel')}
              description={t('applications.review.commentHint')}
              {...form.getInputProps('comment')}
              maxLength={4000}
              autosize
              minRows={2}
              required
            />
            <Group gap="xs">
              <Button
                type="submit"
                color="warn.8"
                loading={review.isPending}
                data-testid={`confirm-return-${code}`}
              >
                {t('applications.review.confirmReturn')}
              </Button>
              <Button variant="default" onClick={() => setReturning(false)}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
